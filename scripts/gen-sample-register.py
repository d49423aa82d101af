#!/usr/bin/env python3
"""Generate data/sample-register.csv: a made-up register of ~300 residents of Đức Chính ward.

The output has exactly the shape of the register wards keep in a spreadsheet
(tests/fixtures/danh-sach-hoc-vien.csv): UTF-8 with BOM, ';' separated, header
STT;Họ và tên;Năm sinh;Giới tính;Khu;Số điện thoại;Đối tượng;Ghi chú

Deterministic: the same script always writes the same bytes (random.Random(2017)).
Standard library only. Usage: python3 scripts/gen-sample-register.py [OUT.csv]
See docs/data.md.
"""

import os
import random
import sys

COUNT = 300
SEED = 2017

HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Khu",
          "Số điện thoại", "Đối tượng", "Ghi chú"]

# Learner groups as written in the register (the plan's group names), with the
# birth years that fit them in 2017-2018 and the sex they imply (None: either).
GROUPS = {
    "Học sinh": (2000, 2011, None),
    "Thiếu nhi": (2006, 2014, None),
    "Đoàn viên": (1985, 2002, None),
    "Người cao tuổi": (1930, 1958, None),
    "Phụ nữ": (1960, 1998, "Nữ"),
    "Nông dân": (1950, 1990, None),
    "Cán bộ phường, khu": (1960, 1992, None),
    "Cựu chiến binh": (1945, 1965, "Nam"),
    "Cán bộ viên chức": (1965, 1995, None),
    "Người trong độ tuổi sinh đẻ": (1978, 2000, None),
}

# One group: relative weights.
SINGLE = [
    ("Người cao tuổi", 17), ("Nông dân", 14), ("Phụ nữ", 11), ("Học sinh", 13),
    ("Đoàn viên", 10), ("Thiếu nhi", 9), ("Cán bộ phường, khu", 6),
    ("Cựu chiến binh", 5), ("Cán bộ viên chức", 7), ("Người trong độ tuổi sinh đẻ", 8),
]
# Two groups that plausibly go together (written in this order), with weights.
PAIRS = [
    (("Nông dân", "Phụ nữ"), 5), (("Nông dân", "Cựu chiến binh"), 2),
    (("Nông dân", "Người cao tuổi"), 2), (("Cựu chiến binh", "Người cao tuổi"), 2),
    (("Cán bộ phường, khu", "Cựu chiến binh"), 1), (("Cán bộ phường, khu", "Phụ nữ"), 1.5),
    (("Cán bộ viên chức", "Phụ nữ"), 1.5), (("Cán bộ viên chức", "Đoàn viên"), 1.5),
    (("Đoàn viên", "Người trong độ tuổi sinh đẻ"), 2),
    (("Phụ nữ", "Người trong độ tuổi sinh đẻ"), 3), (("Học sinh", "Thiếu nhi"), 3),
    (("Học sinh", "Đoàn viên"), 1.5), (("Nông dân", "Người trong độ tuổi sinh đẻ"), 1),
    (("Cán bộ phường, khu", "Đoàn viên"), 1),
]
PAIR_SHARE = 0.25

FAMILY = [
    ("Nguyễn", 36), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 4),
    ("Phan", 3), ("Đặng", 2.5), ("Bùi", 2.5), ("Đỗ", 2.5), ("Ngô", 1.5), ("Dương", 1.2),
    ("Đinh", 1.2), ("Mạc", 1), ("Trịnh", 1), ("Đào", 1), ("Lý", 0.6), ("Lương", 0.6),
    ("Hà", 0.6), ("Tạ", 0.4),
]
MIDDLE = {
    "Nam": [("Văn", 30), ("Đức", 8), ("Minh", 7), ("Quang", 6), ("Thành", 5), ("Hữu", 5),
            ("Ngọc", 4), ("Xuân", 4), ("Công", 4), ("Đình", 4), ("Mạnh", 3), ("Trọng", 3),
            ("Tiến", 3)],
    # "Thị" dominates among older women, see middle_name().
    "Nữ": [("Thu", 6), ("Thanh", 6), ("Phương", 5), ("Ngọc", 5), ("Hồng", 5), ("Kim", 3),
           ("Minh", 3), ("Thùy", 3), ("Mai", 2), ("Bích", 2)],
}
GIVEN = {
    "Nam": ["An", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Định", "Đức", "Đăng", "Hải",
            "Hùng", "Hưng", "Hiếu", "Hòa", "Huy", "Khánh", "Kiên", "Khoa", "Lâm", "Long",
            "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Quý", "Sơn",
            "Tài", "Thái", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng",
            "Việt", "Vinh", "Thủy", "Bảo"],
    "Nữ": ["Anh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền",
           "Hoa", "Hòa", "Huyền", "Hương", "Huệ", "Lan", "Liên", "Linh", "Loan", "Mai",
           "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy", "Thúy",
           "Trang", "Uyên", "Vân", "Xuân", "Yến", "Điệp", "Đào", "Diệp"],
}
# Both tone placements are in use (hòa/hoà, thủy/thuỷ): search must treat them as equal.
OLD_STYLE = {"Hòa": "Hoà", "Thủy": "Thuỷ", "Thúy": "Thuý"}
OLD_STYLE_SHARE = 0.35
NOTES = [("", 93.5), ("Hộ nghèo", 3), ("Khuyết tật", 1.5), ("Mới chuyển đến", 2)]
PHONE_PREFIXES = ["090", "091", "093", "094", "096", "097", "098", "099",
                  "032", "033", "034", "035", "036", "037", "038", "039"]

# People who get the exact name of someone earlier in the list, other birth year.
SAME_NAME_OTHER_YEAR = 5


def weighted(rng, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights, k=1)[0]


def pick_groups(rng):
    if rng.random() < PAIR_SHARE:
        return list(weighted(rng, PAIRS))
    return [weighted(rng, SINGLE)]


def year_range(groups):
    lo = max(GROUPS[g][0] for g in groups)
    hi = min(GROUPS[g][1] for g in groups)
    assert lo <= hi, groups
    return lo, hi


def pick_sex(rng, groups):
    implied = {GROUPS[g][2] for g in groups} - {None}
    assert len(implied) <= 1, groups
    if implied:
        return implied.pop()
    if "Người trong độ tuổi sinh đẻ" in groups:
        return "Nữ" if rng.random() < 0.75 else "Nam"
    if "Cán bộ phường, khu" in groups:
        return "Nam" if rng.random() < 0.6 else "Nữ"
    return rng.choice(["Nam", "Nữ"])


def pick_year(rng, groups, avoid=None):
    lo, hi = year_range(groups)
    while True:
        if groups == ["Người cao tuổi"]:
            # More people in their sixties and seventies than in their eighties.
            year = int(round(rng.triangular(lo, hi, hi - 5)))
        else:
            year = rng.randint(lo, hi)
        if year != avoid or lo == hi:
            return year


def middle_name(rng, sex, year):
    if sex == "Nữ" and rng.random() < (0.85 if year < 1975 else 0.45 if year < 1995 else 0.2):
        return "Thị"
    return weighted(rng, MIDDLE[sex])


def full_name(rng, sex, year):
    while True:
        middle = middle_name(rng, sex, year)
        given = rng.choice(GIVEN[sex])
        if given in OLD_STYLE and rng.random() < OLD_STYLE_SHARE:
            given = OLD_STYLE[given]
        if given != middle:
            return f"{weighted(rng, FAMILY)} {middle} {given}"


def phone(rng, groups, year, used):
    if "Thiếu nhi" in groups:
        none_share = 0.95
    elif "Học sinh" in groups:
        none_share = 0.8 if year >= 2005 else 0.3
    elif "Người cao tuổi" in groups:
        none_share = 0.5
    else:
        none_share = 0.22
    if rng.random() < none_share:
        return ""
    while True:
        number = rng.choice(PHONE_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        if number not in used:
            used.add(number)
            return number


def person(rng, used_phones, used_names):
    groups = pick_groups(rng)
    sex = pick_sex(rng, groups)
    year = pick_year(rng, groups)
    name = full_name(rng, sex, year)
    while name in used_names:
        name = full_name(rng, sex, year)
    used_names.add(name)
    return {
        "name": name, "year": year, "sex": sex,
        "khu": f"Khu {rng.randint(1, 9)}", "phone": phone(rng, groups, year, used_phones),
        "groups": groups, "note": weighted(rng, NOTES),
    }


def generate(rng):
    used_phones, used_names = set(), set()
    # Every name unique at first, so the namesakes and the duplicate below are the only ones.
    people = [person(rng, used_phones, used_names) for _ in range(COUNT - 1)]

    # A few namesakes born in other years: common in a ward, and not duplicates.
    order = list(range(len(people)))
    rng.shuffle(order)
    involved = set()
    for target in order:
        if len(involved) == 2 * SAME_NAME_OTHER_YEAR:
            break
        if target in involved:
            continue
        candidates = [i for i in order if i not in involved and i != target
                      and people[i]["sex"] == people[target]["sex"]]
        source = candidates[0]
        involved.update((source, target))
        people[target]["name"] = people[source]["name"]
        if people[target]["year"] == people[source]["year"]:
            people[target]["year"] = pick_year(rng, people[target]["groups"],
                                               avoid=people[source]["year"])

    # Exactly one likely duplicate: the same person typed in twice, once without a phone.
    original = rng.choice([p for i, p in enumerate(people[:150])
                           if i not in involved and p["phone"] and len(p["groups"]) == 1])
    duplicate = dict(original, phone="", note="")
    people.insert(rng.randrange(200, len(people)), duplicate)

    keys = [(p["name"], p["year"]) for p in people]
    assert len(keys) - len(set(keys)) == 1, "expected exactly one likely duplicate"
    return people


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data", "sample-register.csv")
    people = generate(random.Random(SEED))
    with open(out, "w", encoding="utf-8-sig", newline="\n") as f:
        f.write(";".join(HEADER) + "\n")
        for number, p in enumerate(people, start=1):
            row = [str(number), p["name"], str(p["year"]), p["sex"], p["khu"], p["phone"],
                   ", ".join(p["groups"]), p["note"]]
            assert all(";" not in cell and "\n" not in cell for cell in row)
            f.write(";".join(row) + "\n")
    print(f"wrote {len(people)} people to {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
