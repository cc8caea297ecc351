"""Why a team was formed (pairing/engine/reasons.py): one reason per criterion that speaks for it."""

MESSAGES = {
    "team.genres": ("both work in {genres}", "都做{genres}"),
    "team.needs_covered": ("covers: {covered}", "覆盖：{covered}"),
    "team.needs_missing": ("not covered: {missing}", "未覆盖：{missing}"),
    "team.needs_partly": ("covers: {covered}; not covered: {missing}", "覆盖：{covered}；未覆盖：{missing}"),
    "team.no_common_slot": ("no common free slot", "没有共同空闲时段"),
    "team.meets": ("meets {slots}", "可见面：{slots}"),
    "team.meets_more": ("meets {slots} and more ({total} slots in all)", "可见面：{slots} 等{total}个时段"),
    "team.director_prefers": ("{mentor_name} is {director_name}'s {rank} choice", "{mentor_name}是{director_name}的{rank}志愿"),
    "team.mentor_prefers": ("{director_name} is {mentor_name}'s {rank} choice", "{director_name}是{mentor_name}的{rank}志愿"),
    "team.language": ("common language: {languages}", "共同语言：{languages}"),
    "team.locked": ("locked by the curator: {names}", "策展人锁定：{names}"),
    "team.kept": ("kept from the previous run: {names}", "沿用上次方案：{names}"),
}
