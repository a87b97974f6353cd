"""Korean particles from the word before them (issue 26): "brick"은, tabby는, model로, 사진을, never "은(는)"."""

from __future__ import annotations

import pytest

from convlens.gui.particles import with_particles


@pytest.mark.parametrize(("text", "expected"), [
    ('"brick"은(는) 틀렸습니다', '"brick"은 틀렸습니다'),
    ("tabby은(는)", "tabby는"),
    ("mobilenet_v2_imagenet.pth을(를) 불러옵니다", "mobilenet_v2_imagenet.pth를 불러옵니다"),
    ("model(으)로", "model로"),
    ("photo.jpg(으)로", "photo.jpg로"),
    ("사진을(를)", "사진을"),
    ("파일(으)로", "파일로"),
    ("폴더(으)로", "폴더로"),
    ("ResNet-50이(가)", "ResNet-50이"),
    ("ResNet-18이(가)", "ResNet-18이"),
    ("VGG16이(가)", "VGG16이"),
    ("<b>cat</b>이(가)", "<b>cat</b>이"),
    ("MobileNetV2 (ImageNet, 내장)을(를) 사용", "MobileNetV2 (ImageNet, 내장)을 사용"),
    ("bus은(는)", "bus는"),
    ("dog은(는)", "dog는"),
    ("cat은(는)", "cat은"),
    ("file(으)로", "file로"),
    ("frame을(를)", "frame을"),
    ("ONNX(으)로", "ONNX로"),
    ("CPU(으)로", "CPU로"),
    ("plain English (with parentheses) stays", "plain English (with parentheses) stays"),
])
def test_particles_follow_the_word(text: str, expected: str) -> None:
    assert with_particles(text) == expected


def test_engine_messages_in_korean_choose_their_particles(qtbot) -> None:
    from convlens.engine.core.errors import Text
    from convlens.gui.app import make_application
    from convlens.gui.i18n import engine_text, install_language

    app = make_application()
    if "convlens_ko" not in install_language(app, "ko"):
        pytest.skip("resources/translations/convlens_ko.qm is not built: `make test` builds it")
    try:
        text = engine_text(Text("Project {file} is not there (moved or deleted?).", file="run.convlens"))
        assert "run.convlens가" in text and "(가)" not in text  # 런.컨브렌즈: no final consonant
    finally:
        install_language(app, "en")

