"""Which architectures ConvLens offers and how to build them.

Every architecture has the same shape whether torchvision has it or it is one
of ours: a keyword-only builder plus metadata (family, description, input size
and channels, default preprocessing and labels). The rest of the app never
asks "is this one of ours?".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from convlens.engine.core.errors import ConvLensError
from convlens.engine.models.preprocess import MNIST, Preprocess

if TYPE_CHECKING:
    from collections.abc import Callable

    from torch import nn

FAMILIES = ("classic", "inception", "residual", "dense", "mobile", "modern")
#: timm's architectures are named ``timm:NAME`` (``engine.models.architectures.timm_models``); not listed, built on demand
TIMM_FAMILY = "timm"
MNIST_LABELS = tuple(str(d) for d in range(10))


@dataclass(frozen=True)
class ArchSpec:
    """One architecture the app offers."""

    name: str
    family: str
    title: str
    description: str
    input_size: int
    channels: int
    torchvision: bool
    #: ``module:function`` of our own builders ("" for torchvision's, built by name)
    builder_path: str = ""
    build_kwargs: tuple[tuple[str, Any], ...] = ()
    default_preprocess: Preprocess | None = None
    default_labels: tuple[str, ...] | None = None

    def build(self, num_classes: int | None = None, **options: Any) -> nn.Module:
        """Build with random weights (``num_classes`` defaults to the usual head).

        ``options`` are builder keywords a checkpoint recorded (e.g. LeNet-5's ``batch_norm``).
        """
        kwargs = {**dict(self.build_kwargs), **options}
        keras = bool(kwargs.pop("keras", False))  # imported from Keras: compute what Keras computes
        if num_classes is not None:
            kwargs["num_classes"] = num_classes
        if self.torchvision:
            from torchvision import models as tvm

            model = tvm.get_model(self.name, weights=None, **kwargs)
        else:
            model = self.builder(**kwargs)
        if keras:
            from convlens.engine.models.architectures.keras_variants import keras_structure

            keras_structure(model, self.name)
        return model

    @property
    def builder(self) -> Callable[..., nn.Module]:
        """The function that builds it (torchvision's own builder for theirs)."""
        if self.torchvision:
            from torchvision import models as tvm

            return tvm.get_model_builder(self.name)
        import importlib

        module, function = self.builder_path.split(":")
        return getattr(importlib.import_module(module), function)

    @property
    def weights_enum(self) -> Any | None:
        """torchvision's Weights enum for this architecture, if it has one."""
        if not self.torchvision:
            return None
        from torchvision import models as tvm

        return tvm.get_model_weights(self.name)

    @property
    def preprocess(self) -> Preprocess:
        """Preprocessing for weights that do not carry their own.

        For torchvision models: the original ImageNet-1k weights' transform
        (resize 256 / crop 224 for most), which is what third-party
        checkpoints of these models expect.
        """
        if self.default_preprocess is not None:
            return self.default_preprocess
        enum = self.weights_enum
        if enum is not None:
            first = getattr(enum, "IMAGENET1K_V1", None) or enum.DEFAULT
            return Preprocess.from_torchvision(first.transforms())
        return Preprocess(resize=round(self.input_size * 256 / 224), crop=self.input_size)

    @property
    def labels(self) -> tuple[str, ...]:
        if self.default_labels is not None:
            return self.default_labels
        enum = self.weights_enum
        if enum is not None:
            return tuple(enum.DEFAULT.meta["categories"])
        from convlens.engine.models.labels import imagenet_labels

        return imagenet_labels()  # our ImageNet-shaped architectures (1000 classes)


def _tv(name: str, family: str, title: str, description: str, size: int = 224, **kwargs: Any) -> ArchSpec:
    return ArchSpec(
        name=name,
        family=family,
        title=title,
        description=description,
        input_size=size,
        channels=3,
        torchvision=True,
        build_kwargs=tuple(kwargs.items()),
    )


_SPECS: tuple[ArchSpec, ...] = (
    ArchSpec(
        name="lenet5",
        family="classic",
        title="LeNet-5",
        description="LeCun 1998: two conv/pool stages and three dense layers for 28x28 digits (61,706 parameters).",
        input_size=28,
        channels=1,
        torchvision=False,
        builder_path="convlens.engine.models.architectures.lenet:lenet5",
        default_preprocess=MNIST,
        default_labels=MNIST_LABELS,
    ),
    _tv("alexnet", "classic", "AlexNet", "Krizhevsky 2012: five convolutions with large early kernels, three dense layers."),
    _tv("vgg11", "classic", "VGG11", "Simonyan 2014 (configuration A): 8 stacked 3x3 convolutions in five blocks, three dense layers."),
    _tv("vgg11_bn", "classic", "VGG11-BN", "VGG11 with batch normalisation after every convolution."),
    _tv("vgg13", "classic", "VGG13", "Simonyan 2014 (configuration B): 10 stacked 3x3 convolutions in five blocks, three dense layers."),
    _tv("vgg13_bn", "classic", "VGG13-BN", "VGG13 with batch normalisation after every convolution."),
    _tv("vgg16", "classic", "VGG16", "Simonyan 2014: 13 stacked 3x3 convolutions in five blocks, three dense layers."),
    _tv("vgg16_bn", "classic", "VGG16-BN", "VGG16 with batch normalisation after every convolution."),
    _tv("vgg19", "classic", "VGG19", "Simonyan 2014: 16 stacked 3x3 convolutions in five blocks, three dense layers."),
    _tv("vgg19_bn", "classic", "VGG19-BN", "VGG19 with batch normalisation after every convolution."),
    _tv("squeezenet1_0", "classic", "SqueezeNet 1.0", "Iandola 2016: fire modules (squeeze 1x1, expand 1x1+3x3); the original, 7x7 first convolution."),
    _tv("squeezenet1_1", "classic", "SqueezeNet 1.1", "Iandola 2016: fire modules (squeeze 1x1, expand 1x1+3x3); AlexNet accuracy in 1.2M parameters."),
    _tv("googlenet", "inception", "GoogLeNet", "Szegedy 2014: Inception v1 modules of parallel 1x1/3x3/5x5/pool branches.",
        aux_logits=False, init_weights=True),
    _tv("inception_v3", "inception", "Inception v3", "Szegedy 2015: factorised Inception modules at 299x299.", size=299,
        aux_logits=False, init_weights=True),
    _tv("resnet18", "residual", "ResNet-18", "He 2015: residual learning with basic blocks (2 x 3x3 conv), 18 layers."),
    _tv("resnet34", "residual", "ResNet-34", "He 2015: residual basic blocks, 34 layers."),
    _tv("resnet50", "residual", "ResNet-50", "He 2015: bottleneck blocks (1x1-3x3-1x1), 50 layers."),
    _tv("resnet101", "residual", "ResNet-101", "He 2015: bottleneck blocks, 101 layers."),
    _tv("resnet152", "residual", "ResNet-152", "He 2015: bottleneck blocks, 152 layers."),
    _tv("resnext50_32x4d", "residual", "ResNeXt-50 32x4d",
        "Xie 2017: ResNet-50 bottlenecks whose 3x3 convolution is split into 32 groups of 4 channels (cardinality)."),
    _tv("resnext101_32x8d", "residual", "ResNeXt-101 32x8d", "Xie 2017: grouped bottlenecks, 32 groups of 8 channels; 101 layers."),
    _tv("resnext101_64x4d", "residual", "ResNeXt-101 64x4d", "Xie 2017: grouped bottlenecks, 64 groups of 4 channels; 101 layers."),
    _tv("wide_resnet50_2", "residual", "Wide ResNet-50-2", "Zagoruyko 2016: ResNet-50 with bottlenecks twice as wide inside; 50 layers."),
    _tv("wide_resnet101_2", "residual", "Wide ResNet-101-2", "Zagoruyko 2016: ResNet-101 with bottlenecks twice as wide inside; 101 layers."),
    ArchSpec(
        name="preact_resnet18", family="residual", title="Pre-act ResNet-18",
        description="He 2016 (identity mappings): BN-ReLU-conv units, clean identity shortcuts; 18 layers.",
        input_size=224, channels=3, torchvision=False, builder_path="convlens.engine.models.architectures.resnets:preact_resnet18",
        default_preprocess=Preprocess(),
    ),
    ArchSpec(
        name="preact_resnet50", family="residual", title="Pre-act ResNet-50",
        description="He 2016 (identity mappings): pre-activation bottleneck blocks; 50 layers.",
        input_size=224, channels=3, torchvision=False, builder_path="convlens.engine.models.architectures.resnets:preact_resnet50",
        default_preprocess=Preprocess(),
    ),
    ArchSpec(
        name="se_resnet50", family="residual", title="SE-ResNet-50",
        description="Hu 2017: ResNet-50 bottlenecks whose channels are re-weighted by squeeze-and-excitation.",
        input_size=224, channels=3, torchvision=False, builder_path="convlens.engine.models.architectures.resnets:se_resnet50",
        default_preprocess=Preprocess(),
    ),
    _tv("densenet121", "dense", "DenseNet-121", "Huang 2017: dense blocks in which every layer takes the maps of all earlier layers; 121 layers."),
    _tv("densenet161", "dense", "DenseNet-161", "Huang 2017: dense blocks, growth rate 48; 161 layers."),
    _tv("densenet169", "dense", "DenseNet-169", "Huang 2017: dense blocks, growth rate 32; 169 layers."),
    _tv("densenet201", "dense", "DenseNet-201", "Huang 2017: dense blocks, growth rate 32; 201 layers."),
    _tv("mobilenet_v2", "mobile", "MobileNetV2", "Sandler 2018: inverted residuals with linear bottlenecks and depthwise convolutions."),
    _tv("mobilenet_v3_small", "mobile", "MobileNetV3 Small", "Howard 2019: searched inverted residuals with squeeze-excitation and hard-swish; small."),
    _tv("mobilenet_v3_large", "mobile", "MobileNetV3 Large", "Howard 2019: searched inverted residuals with squeeze-excitation and hard-swish; large."),
    _tv("shufflenet_v2_x0_5", "mobile", "ShuffleNetV2 0.5x", "Ma 2018: channel split, depthwise convolutions and channel shuffle; half width."),
    _tv("shufflenet_v2_x1_0", "mobile", "ShuffleNetV2 1.0x", "Ma 2018: channel split, depthwise convolutions and channel shuffle."),
    _tv("shufflenet_v2_x1_5", "mobile", "ShuffleNetV2 1.5x", "Ma 2018: channel split and shuffle; 1.5 times the width."),
    _tv("shufflenet_v2_x2_0", "mobile", "ShuffleNetV2 2.0x", "Ma 2018: channel split and shuffle; twice the width."),
    _tv("mnasnet0_5", "mobile", "MNASNet 0.5", "Tan 2019: inverted residuals searched for accuracy and phone latency; half width."),
    _tv("mnasnet0_75", "mobile", "MNASNet 0.75", "Tan 2019: mobile architecture search for latency; 0.75 width."),
    _tv("mnasnet1_0", "mobile", "MNASNet 1.0", "Tan 2019: inverted residuals searched for accuracy and phone latency."),
    _tv("mnasnet1_3", "mobile", "MNASNet 1.3", "Tan 2019: mobile architecture search for latency; 1.3 width."),
    ArchSpec(
        name="nasnet_a_mobile", family="mobile", title="NASNet-A Mobile",
        description="Zoph 2018: normal and reduction cells found by architecture search; 4 @ 1056, 5.3M parameters.",
        input_size=224, channels=3, torchvision=False, builder_path="convlens.engine.models.architectures.nasnet:nasnet_a_mobile",
        default_preprocess=Preprocess(mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5)),
    ),
    _tv("efficientnet_b0", "mobile", "EfficientNet-B0", "Tan 2019: MBConv blocks scaled jointly in depth, width and resolution."),
    _tv("efficientnet_b1", "mobile", "EfficientNet-B1", "Tan 2019: B0 scaled up in depth, width and resolution (240x240).", size=240),
    _tv("efficientnet_b2", "mobile", "EfficientNet-B2", "Tan 2019: B0 scaled up in depth, width and resolution (288x288).", size=288),
    _tv("efficientnet_b3", "mobile", "EfficientNet-B3", "Tan 2019: B0 scaled up in depth, width and resolution (300x300).", size=300),
    _tv("efficientnet_b4", "mobile", "EfficientNet-B4", "Tan 2019: B0 scaled up in depth, width and resolution (380x380).", size=380),
    _tv("efficientnet_b5", "mobile", "EfficientNet-B5", "Tan 2019: B0 scaled up in depth, width and resolution (456x456).", size=456),
    _tv("efficientnet_b6", "mobile", "EfficientNet-B6", "Tan 2019: B0 scaled up in depth, width and resolution (528x528).", size=528),
    _tv("efficientnet_b7", "mobile", "EfficientNet-B7", "Tan 2019: B0 scaled up in depth, width and resolution (600x600).", size=600),
    _tv("efficientnet_v2_s", "mobile", "EfficientNetV2-S",
        "Tan 2021: fused MBConv early, MBConv later, trained with progressive resizing (384x384).", size=384),
    _tv("efficientnet_v2_m", "mobile", "EfficientNetV2-M",
        "Tan 2021: fused MBConv early, MBConv later, trained with progressive resizing (480x480).", size=480),
    _tv("efficientnet_v2_l", "mobile", "EfficientNetV2-L",
        "Tan 2021: fused MBConv early, MBConv later, trained with progressive resizing (480x480).", size=480),
    _tv("regnet_x_400mf", "modern", "RegNetX-400MF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 400M multiply-adds."),
    _tv("regnet_x_800mf", "modern", "RegNetX-800MF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 800M multiply-adds."),
    _tv("regnet_x_1_6gf", "modern", "RegNetX-1.6GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 1.6G multiply-adds."),
    _tv("regnet_x_3_2gf", "modern", "RegNetX-3.2GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 3.2G multiply-adds."),
    _tv("regnet_x_8gf", "modern", "RegNetX-8GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 8G multiply-adds."),
    _tv("regnet_x_16gf", "modern", "RegNetX-16GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 16G multiply-adds."),
    _tv("regnet_x_32gf", "modern", "RegNetX-32GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 32G multiply-adds."),
    _tv("regnet_y_400mf", "modern", "RegNetY-400MF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 400M multiply-adds."),
    _tv("regnet_y_800mf", "modern", "RegNetY-800MF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 800M multiply-adds."),
    _tv("regnet_y_1_6gf", "modern", "RegNetY-1.6GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 1.6G multiply-adds."),
    _tv("regnet_y_3_2gf", "modern", "RegNetY-3.2GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 3.2G multiply-adds."),
    _tv("regnet_y_8gf", "modern", "RegNetY-8GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 8G multiply-adds."),
    _tv("regnet_y_16gf", "modern", "RegNetY-16GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 16G multiply-adds."),
    _tv("regnet_y_32gf", "modern", "RegNetY-32GF",
        "Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 32G multiply-adds."),
    _tv("convnext_tiny", "modern", "ConvNeXt Tiny",
        "Liu 2022: a ResNet modernised: 7x7 depthwise convolutions, inverted bottlenecks, LayerNorm and GELU; blocks 3-3-9-3."),
    _tv("convnext_small", "modern", "ConvNeXt Small",
        "Liu 2022: a ResNet modernised: 7x7 depthwise convolutions, inverted bottlenecks, LayerNorm and GELU; blocks 3-3-27-3."),
    _tv("convnext_base", "modern", "ConvNeXt Base",
        "Liu 2022: a ResNet modernised: 7x7 depthwise convolutions, inverted bottlenecks, LayerNorm and GELU; blocks 3-3-27-3, wider."),
    _tv("convnext_large", "modern", "ConvNeXt Large",
        "Liu 2022: a ResNet modernised: 7x7 depthwise convolutions, inverted bottlenecks, LayerNorm and GELU; blocks 3-3-27-3, widest."),
)

_BY_NAME = {spec.name: spec for spec in _SPECS}


def list_architectures(family: str | None = None) -> list[ArchSpec]:
    """All architectures, in display order, optionally of one family."""
    return [s for s in _SPECS if family is None or s.family == family]


def get_arch(name: str) -> ArchSpec:
    """The architecture called ``name`` (torchvision's spelling, ``lenet5`` for ours)."""
    if name.startswith("timm:"):
        from convlens.engine.models.architectures.timm_models import timm_spec

        return timm_spec(name)
    try:
        return _BY_NAME[name]
    except KeyError:
        known = ", ".join(_BY_NAME)
        raise ConvLensError("Unknown architecture '{name}'. Known architectures: {known}.", name=name, known=known) from None
