"""Hard rules: what a manual change would break (violations, pairing/engine/edit.py) and why the rules
cannot all hold (diagnosis and unmatched reasons, pairing/engine/diagnose.py)."""

MESSAGES = {
    # one director–mentor pair
    "rules.avoid": ("{director_who} and {mentor_who} are listed under avoid", "{director_who}与{mentor_who}在回避名单中"),
    "rules.same_organization": ("{director_who} and {mentor_who} are both from {organization}",
                                "{director_who}与{mentor_who}同属{organization}"),
    "rules.no_shared_slot": ("{director_who} and {mentor_who} share no free slot", "{director_who}与{mentor_who}没有共同空闲时段"),
    "rules.capacity_zero": ("{mentor_who} has capacity 0", "{mentor_who}的名额为 0"),
    # a manually changed team (violations)
    "rules.not_in_role": ("{id} is not a {role} of this program", "{id}不是本项目的{role}"),
    "rules.same_instructor_twice": ("{director_id}'s team lists the same {instructor} twice",
                                    "{director_id}的组中同一位{instructor}出现了两次"),
    "rules.no_producer": ("{director_id} has no {producer}; every {director} has exactly one {producer}",
                          "{director_id}没有{producer}；每位{director}恰好有一位{producer}"),
    "rules.team_size": (("{director_id} has {count} {instructor}; the program asks for {low}–{high}",
                         "{director_id} has {count} {instructors}; the program asks for {low}–{high}"),
                        "{director_id}有 {count} 位{instructor}；本项目要求 {low}–{high} 位"),
    "rules.over_capacity": ("{mentor_who} would have {count} {directors} but can take {capacity}",
                            "{mentor_who}将带 {count} 位{director}，但名额只有 {capacity} 个"),
    "rules.team_no_meeting": ("{director_who}'s team shares no meeting slot; the program requires one",
                              "{director_who}的组没有共同见面时段；本项目要求至少一个"),
    "rules.lock_kept": ("{director_id} is locked to {mentor_who}; the lock must be kept",
                        "{director_id}已与{mentor_who}锁定；锁定必须保留"),
    # diagnosis: before any search
    "rules.capacity_producers": ("capacity: {count} {directors} but {producers} can take {places} in total",
                                 "名额：共有 {count} 位{director}，但{producer}总共只能带 {places} 位"),
    "rules.capacity_instructors": ("capacity: {count} {directors} need at least {need} {instructor} places ({low} each) "
                                   "but {instructors} can take {places} in total",
                                   "名额：{count} 位{director}至少需要 {need} 个{instructor}名额（每位 {low} 个），"
                                   "但{instructor}总共只有 {places} 个"),
    "rules.lock_not_in_roster": ("lock {director_id}–{mentor_id}: it must pair a {director} of the roster with a "
                                 "{producer} or an {instructor}",
                                 "锁定 {director_id}–{mentor_id}：锁定必须把名单中的一位{director}与一位{producer}或{instructor}配在一起"),
    "rules.lock_breaks_rule": ("lock {director_id}–{mentor_id} breaks a rule: {rule}",
                               "锁定 {director_id}–{mentor_id} 违反规则：{rule}"),
    "rules.lock_capacity": ("capacity: {count} {directors} are locked to {mentor_who} ({director_ids}) but {mentor_id} "
                            "can take {capacity}",
                            "名额：有 {count} 位{director}与{mentor_who}锁定（{director_ids}），但 {mentor_id} 只能带 {capacity} 位"),
    "rules.locks_producers": ("locks: {director_who} is locked to {count} {producers} ({ids}) but a {director} has "
                              "exactly one {producer}",
                              "锁定：{director_who}与 {count} 位{producer}锁定（{ids}），但每位{director}恰好有一位{producer}"),
    "rules.locks_instructors": ("locks: {director_who} is locked to {count} {instructors} ({ids}) but the maximum is {high}",
                                "锁定：{director_who}与 {count} 位{instructor}锁定（{ids}），但最多只能有 {high} 位"),
    "rules.locks_no_slot": ("meeting: {director_who} and the locked {mentors} {ids} share no free slot",
                            "见面：{director_who}与锁定的{mentor} {ids} 没有共同空闲时段"),
    "rules.director_no_slot": ("meeting: {director_who} has no free slot in the program calendar",
                               "见面：{director_who}在项目日程中没有空闲时段"),
    "rules.no_possible_mentor": ("no possible {role} for {director_who}: {why}", "{director_who}没有可配的{role}：{why}"),
    "rules.few_possible_instructors": (("only {count} possible {instructor} for {director_who} but {low} are required",
                                        "only {count} possible {instructors} for {director_who} but {low} are required"),
                                       "{director_who}只有 {count} 位可配的{instructor}，但需要 {low} 位"),
    "rules.no_meeting_possible": ("meeting: no slot where {director_who}, a possible {producer} and {low} possible "
                                  "{instructors} are all free",
                                  "见面：没有一个时段让{director_who}、一位可配的{producer}和 {low} 位可配的{instructor}同时有空"),
    "rules.none_in_roster": ("the roster has none", "名单中一位也没有"),
    "rules.all_capacity_zero": ("all have capacity 0", "名额都为 0"),
    "rules.kinds": ("{kinds}", "{kinds}"),
    "rules.kind_avoid": (("{count} is listed under avoid", "{count} are listed under avoid"), "{count} 位在回避名单中"),
    "rules.kind_organization": (("{count} is from the same organization", "{count} are from the same organization"),
                                "{count} 位来自同一机构"),
    "rules.kind_slot": (("{count} shares no free slot", "{count} share no free slot"), "{count} 位没有共同空闲时段"),
    "rules.kind_capacity": (("{count} has capacity 0", "{count} have capacity 0"), "{count} 位名额为 0"),
    "rules.names": ("{names}", "{names}"),
    "rules.names_more": ("{names} and {more} more", "{names}等，另有 {more} 位"),
    # why a director is left without a team
    "rules.locks_cannot_hold": ("the locks of {director_id} ({ids}) cannot all be kept",
                                "{director_id}的锁定（{ids}）无法全部保留"),
    "rules.locks_cannot_hold_because": ("the locks of {director_id} ({ids}) cannot all be kept: {detail}",
                                        "{director_id}的锁定（{ids}）无法全部保留：{detail}"),
    "rules.producers_full": ("every {producer} who could work with {director_id} ({ids}) is full",
                             "能与{director_id}合作的{producer}（{ids}）名额都已满"),
    "rules.instructors_full": ("every {instructor} who could work with {director_id} is full",
                               "能与{director_id}合作的{instructor}名额都已满"),
    "rules.no_slot_with_free_places": ("no slot where {director_id}, a {producer} and {low} {instructors} with free "
                                       "places are all free",
                                       "没有一个时段让{director_id}、一位{producer}和 {low} 位尚有名额的{instructor}同时有空"),
    "rules.only_by_displacing": ("{director_id} could only be placed by leaving another {director} without a team",
                                 "只有让另一位{director}落空，{director_id}才能分到组"),
    # the solver's infeasibility core
    "rules.core": ("these rules cannot all hold together: {parts}", "以下规则无法同时满足：{parts}"),
    "rules.core_team": ("{director_who} gets a {producer} and {low}–{high} {instructors}",
                        "{director_who}需要一位{producer}和 {low}–{high} 位{instructor}"),
    "rules.core_capacity": ("{mentor_who} takes at most {capacity}", "{mentor_who}最多带 {capacity} 位"),
    "rules.core_lock": ("lock {director_id}–{mentor_id}", "锁定 {director_id}–{mentor_id}"),
    "rules.core_meeting": ("{director_id}'s team shares a meeting slot", "{director_id}的组有共同见面时段"),
}
