"""Korean particles chosen from the word they follow, not guessed with "은(는)" on screen.

Korean writes the topic, subject, object and direction particles two ways, depending on whether the word before
them ends in a final consonant (받침): 사진은 / 모델는 is wrong, 모델은 / 사진은 / 파일로 / 폴더로 right. A
translation that must put a particle after a value it cannot know (a file name, a class) writes the pair, e.g.
``{file}을(를)``, and ``with_particles`` picks one from the value's last sound: a Hangul syllable's own 받침, a
digit's Korean name (영, 일, 이, 삼...), a Latin word's last letter as it is usually read ("brick"은, "tabby"는,
"model"로, "bus"는), and a short file extension's letter names (photo.jpg → 지: "photo.jpg"는).
"""

from __future__ import annotations

import re

__all__ = ["has_final_consonant", "with_particles"]

# (with a final consonant, without), as translations write them: "은(는)", "이(가)", "을(를)", "과(와)", "(으)로"
_PAIRS = {"은(는)": ("은", "는"), "는(은)": ("은", "는"), "이(가)": ("이", "가"), "가(이)": ("이", "가"),
          "을(를)": ("을", "를"), "를(을)": ("을", "를"), "과(와)": ("과", "와"), "와(과)": ("과", "와"),
          "(으)로": ("으로", "로"), "(이)라고": ("이라고", "라고"), "(이)다": ("이다", "다")}
_PATTERN = re.compile("(" + "|".join(re.escape(p) for p in sorted(_PAIRS, key=len, reverse=True)) + ")")
_TRAILING = re.compile(r"(?:</?\w+[^>]*>|[\s\"'”’)\]}>.,:;…%])+$")
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
# a Latin letter read on its own (an extension, an acronym): ell, em, en, ar end in a consonant
_LETTER_FINAL = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}


def _final(word: str) -> str | None:
    """The last sound's final consonant ("" for none, "ㄹ" for rieul, another jamo for the rest), or None when the
    word gives no clue."""
    word = _TRAILING.sub("", word)
    if not word:
        return None
    ch = word[-1]
    if "가" <= ch <= "힣":
        jong = (ord(ch) - 0xAC00) % 28
        return "" if jong == 0 else "ㄹ" if jong == 8 else "ㄱ"
    if ch.isdigit():
        return _DIGIT_FINAL[ch]
    if not ch.isascii() or not ch.isalpha():
        return None
    tail = re.search(r"\.([A-Za-z0-9]{1,4})$", word)
    if tail or word.isupper():  # photo.JPG, ONNX, CPU: read letter by letter
        return _LETTER_FINAL.get(ch.lower(), "")
    lower = word.lower()
    if lower.endswith("e") and len(lower) > 1 and lower[-2] not in "aeiou":  # file, frame, line, type, image, site
        lower = lower[:-1]
        if lower[-1] in "lr":
            return "ㄹ" if lower[-1] == "l" else ""
        return "ㄴ" if lower[-1] in "mnp" else ""
    if lower.endswith("ng") or lower[-1] in "mn":  # ring, program, resnet's -n: 받침
        return "ㄴ"
    if lower[-1] == "l":  # model, label: 받침 ㄹ
        return "ㄹ"
    if lower[-1] in "ktpc" and not lower.endswith(("th", "ch", "sh", "ph")):  # brick, cat, net, top, basic
        return "ㄱ"
    return ""  # tabby, folder, dog (도그), bus (버스), box, bird (버드): a vowel sound at the end


def has_final_consonant(word: str) -> bool | None:
    final = _final(word)
    return None if final is None else final != ""


def with_particles(text: str) -> str:
    """Every particle pair in ``text`` resolved from the word just before it (the pair stays where there is none)."""
    def choose(match: re.Match[str]) -> str:
        final = _final(text[: match.start()].split()[-1] if text[: match.start()].split() else "")
        if final is None or text[match.start() - 1: match.start()].isspace():
            return match.group(0)
        with_final, without = _PAIRS[match.group(0)]
        if with_final == "으로" and final == "ㄹ":
            return without  # 파일로, 모델로: rieul takes 로
        return with_final if final else without

    return _PATTERN.sub(choose, text)
