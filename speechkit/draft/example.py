"""The annotated example profile written by ``speechkit init-profile``."""

from __future__ import annotations

from pathlib import Path

from speechkit.atomic import atomic_open
from speechkit.errors import OutputError
from speechkit.types import PathLike

__all__ = ["EXAMPLE_PROFILE", "write_example_profile"]

EXAMPLE_PROFILE = """\
# speechkit 城市概况 / city profile — 用 `speechkit draft 本文件.yaml -o 讲话稿.docx` 生成讲话稿
# 所有取值都是数据，不会被当作模板代码执行。Values are data, never template code.

city: 青岚市                  # 必填 required: 市、区或县的名称 (city, district or county)
level: 市                     # 市 | 区 | 县 — 省略时按名称末字推断 (inferred from the name)
province: 东江省              # 可选 optional
campaign: 全国文明城市         # 必填 required: 全国文明城市、全国文明城区、国家卫生城市……

meeting:
  type: 动员会                # 必填 required: 动员会 | 推进会 | 部署会 | 总结表彰会
  name: 青岚市创建全国文明城市动员大会   # 可选 optional: 省略时自动生成 (derived when absent)
  date: 2027-04-10            # 可选 optional

speaker:
  title: 市委书记              # 必填 required: 讲话人职务 (the speaker's post)

achievements:                 # 可选 optional: 已取得的成绩，每条都会写进讲话稿
  - 成功创建省级文明城市
  - 建成新时代文明实践站212个
problems:                     # 可选 optional: 存在的问题
  - 背街小巷环境卫生脏乱差问题依然突出
  - 部分市民文明出行意识不强
priorities:                   # 可选 optional: 重点任务，写成“任务”一节的分论点
  - 背街小巷环境整治
  - 交通秩序综合治理
  - 志愿服务常态化
figures:                      # 可选 optional: 需要出现的数字 (named numbers)
  注册志愿者: 9.8万人

sections: 3                   # 一级标题数 level-1 sections: 3–5 (default 3)
length: 4000                  # 目标字数 target length, ≥ 1000 (default 4000); 结果在 ±15% 以内
seed: 7                       # 可选 optional: 换一个数字得到不同措辞 (another seed, other wording)
"""


def write_example_profile(path: PathLike = "profile.yaml", *, force: bool = False) -> Path:
    """Write the annotated example profile to ``path`` (atomically).

    Args:
        path: Target file.
        force: Overwrite an existing file.

    Raises:
        OutputError: The file exists (without ``force``) or cannot be written.
    """
    target = Path(path)
    if target.exists() and not force:
        raise OutputError(
            f"{target}: already exists; use --force to overwrite it or choose another name"
        )
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name such as profile.yaml")
    with atomic_open(target, "w", encoding="utf-8") as fh:
        fh.write(EXAMPLE_PROFILE)
    return target
