"""The study notes' terms, explained once and shown wherever the jargon appears.

Every control in the Teach and Live tabs whose name is a term of the trade (backbone, head, dropout, patience,
early stopping, augmentation, input size, learning rate, ...) carries the term's entry as its tooltip, and Help →
Glossary lists them all. The entries are translated like the rest of the UI (the Korean ones use the terms of
Korean CNN textbooks: 백본, 드롭아웃, 조기 종료, 데이터 증강, 학습률, ...).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFormLayout, QTextBrowser, QVBoxLayout, QWidget

__all__ = ["Glossary", "GlossaryDialog", "explain", "explain_form"]


class Glossary(QObject):
    """Term key -> (name, explanation), in the current language."""

    def entries(self) -> dict[str, tuple[str, str]]:
        return {
            "backbone": (self.tr("Backbone"), self.tr(
                "The pretrained convolutional layers that turn an image into features. In transfer learning they are "
                "kept frozen (not trained), so a small data set is enough.")),
            "head": (self.tr("Head"), self.tr(
                "The new layers on top of the backbone that turn its features into your classes: a dropout and a "
                "linear layer, or a dense (fully connected) layer first as in seed 003. Only the head is trained "
                "unless you train the backbone too.")),
            "transfer_learning": (self.tr("Transfer learning"), self.tr(
                "Reusing a network trained on a large data set (ImageNet) for a new task: keep its backbone, train "
                "a new head on your images. Fine-tuning goes further and also trains (part of) the backbone.")),
            "dropout": (self.tr("Dropout"), self.tr(
                "During training, randomly switches off this fraction of the head's inputs at every step, so the "
                "model cannot lean on a few features. It fights over-fitting; seed 003 uses 0.2.")),
            "epoch": (self.tr("Epoch"), self.tr("One pass over all the training images.")),
            "batch_size": (self.tr("Batch size"), self.tr(
                "How many images are processed together before the weights are updated once.")),
            "learning_rate": (self.tr("Learning rate"), self.tr(
                "How big a step the optimizer takes each update. Too high and the loss jumps around or grows; too "
                "low and training is slow. 0.001 suits Adam; seed 003 uses 0.0001 with RMSprop.")),
            "optimizer": (self.tr("Optimizer"), self.tr(
                "The rule that updates the weights from the gradient: SGD with momentum, Adam or RMSprop.")),
            "early_stopping": (self.tr("Early stopping"), self.tr(
                "Stop training when the validation loss has not improved for a number of epochs (the patience), "
                "and keep the weights of the best epoch. It stops before over-fitting sets in.")),
            "patience": (self.tr("Patience"), self.tr(
                "How many epochs without a better validation loss early stopping waits before it stops training.")),
            "augmentation": (self.tr("Data augmentation"), self.tr(
                "Random changes to the training images (rotation, shift, shear, zoom, flip) so that every epoch "
                "sees new variants: more data for free, less over-fitting.")),
            "input_size": (self.tr("Input size"), self.tr(
                "The height and width images are resized to before they enter the network (224 for most ImageNet "
                "models, 299 for Inception v3, 150 in seed 003). Smaller is faster, larger sees more detail.")),
            "validation": (self.tr("Validation set"), self.tr(
                "Images kept out of training (20% of each class unless you give a folder) to measure how well the "
                "model does on images it has not learnt.")),
            "overfitting": (self.tr("Over-fitting"), self.tr(
                "The model learns the training images, noise included, better than the task: training accuracy is "
                "much higher than validation accuracy (seed 003: 94.7% vs 88.6%).")),
            "underfitting": (self.tr("Under-fitting"), self.tr(
                "The model has not learnt even the training images well: both accuracies stay low.")),
            "calibration": (self.tr("Calibration"), self.tr(
                "Whether \"90% sure\" comes true 90% of the time. After training, temperature scaling divides the "
                "scores by one number T fitted on the validation split; the expected calibration error (ECE) is the "
                "average gap between confidence and accuracy, and the diagram shows it per confidence range.")),
            "unknown": (self.tr("Unknown (none of the above)"), self.tr(
                "A classifier always names one of its classes, even for an empty background. Below a confidence "
                "threshold ConvLens answers \"unknown\" instead. The threshold is chosen on held-out images so that "
                "at most the target share of wrong or unknown inputs still gets an answer (the false-accept rate); "
                "the curve shows what each threshold costs in right answers.")),
            "confusion_matrix": (self.tr("Confusion matrix"), self.tr(
                "Rows are the true classes, columns the predicted ones; the diagonal counts the correct answers, "
                "every other cell a kind of mistake.")),
            "precision_recall": (self.tr("Precision and recall"), self.tr(
                "Precision: of the images predicted as a class, how many are. Recall: of the images of a class, how "
                "many were found.")),
            "feature_map": (self.tr("Feature map"), self.tr(
                "The output of one filter of a convolution layer: where in the image the pattern it detects "
                "appears.")),
            "cam": (self.tr("Class activation map (CAM)"), self.tr(
                "A heat map of the image regions that raised the score of a class the most (Grad-CAM: gradients of "
                "the class score weighting the last convolutional feature maps).")),
            "crop": (self.tr("Centre crop"), self.tr(
                "The model sees a square from the middle of each frame; the guide shows it. Keep what you want "
                "classified inside it.")),
            "fps": (self.tr("Frames per second and latency"), self.tr(
                "Capture: frames the source delivers; shown: frames drawn; inference: frames the model classifies "
                "(it skips frames it cannot keep up with). Latency: from capture to the prediction.")),
            "samples": (self.tr("Recording samples"), self.tr(
                "Each class gets a subfolder of images in the data set folder; hold the button (or R) to save frames "
                "at the chosen rate. Vary position, distance and light: more varied samples generalise better.")),
            "convolution": (self.tr("Convolution"), self.tr(
                "A small window of weights (the kernel) slides over the input and, at every position, multiplies what it "
                "covers and adds it up: one number per position. Each output channel has its own kernel across all input "
                "channels, so the same pattern is found wherever it appears.")),
            "kernel": (self.tr("Kernel (filter)"), self.tr(
                "The weights of one output channel of a convolution: F×F×C_in numbers plus a bias. Its size F (3×3, 5×5, "
                "11×11 in AlexNet) is how far it looks at once. The Filters tab shows the first layer's kernels as pictures.")),
            "stride": (self.tr("Stride"), self.tr(
                "How many pixels the kernel moves between positions. Stride 2 halves the height and width of the output: (H +"
                " 2P − F) / S + 1.")),
            "padding": (self.tr("Padding"), self.tr(
                "Zeros added around the input before the convolution, so the kernel can be centred on border pixels. P = (F −"
                " 1) / 2 with stride 1 keeps the size (\"same\"); no padding shrinks it (\"valid\").")),
            "pooling": (self.tr("Pooling (max / average)"), self.tr(
                "Summarises each small window of a feature map by one number: its largest value (max pooling) or its mean "
                "(average pooling). It shrinks the map without weights; global average pooling turns each channel into one "
                "number before the classifier.")),
            "receptive_field": (self.tr("Receptive field"), self.tr(
                "The part of the input image one output value depends on. It grows with every kernel and stride: after VGG16's"
                " last pooling layer one value sees 212×212 pixels, although each kernel is only 3×3.")),
            "batch_norm": (self.tr("Batch normalisation"), self.tr(
                "Normalises each channel to mean 0 and standard deviation 1 over the batch, then scales and shifts it with "
                "two learnt numbers. Training is faster and steadier; at inference it uses the averages measured during "
                "training.")),
            "relu": (self.tr("ReLU"), self.tr(
                "The activation max(0, x): negative values become 0, positive ones pass unchanged. Cheap, and its gradient "
                "does not vanish for positive inputs, which made deep networks trainable (AlexNet).")),
            "activation": (self.tr("Activation function"), self.tr(
                "The non-linear function after a layer (ReLU, sigmoid, tanh). Without it, stacked layers would collapse into "
                "one linear map.")),
            "fully_connected": (self.tr("Fully connected (dense) layer"), self.tr(
                "Every output is a weighted sum of every input: C_in × C_out weights plus C_out biases. Classifiers end with "
                "one; VGG16's first one alone holds 103 million parameters.")),
            "parameters": (self.tr("Parameters"), self.tr(
                "The numbers a network learns: the kernels' weights and biases, batch normalisation's scale and shift. A "
                "convolution has F×F×C_in×C_out/groups + C_out of them.")),
            "flops": (self.tr("FLOPs"), self.tr(
                "Floating-point operations for one image: a multiplication and an addition per weight per output position, "
                "counted as two. They say how much work a model is, not how fast it runs on a given computer.")),
            "bottleneck": (self.tr("1×1 convolution (bottleneck)"), self.tr(
                "A kernel of size 1 mixes channels at each pixel without looking at neighbours. Used before a 3×3 or 5×5 "
                "convolution to reduce the channels it reads, it cuts the multiplications several times over (GoogLeNet's "
                "Inception, ResNet-50's bottleneck blocks).")),
            "depthwise": (self.tr("Depthwise separable convolution"), self.tr(
                "A depthwise convolution (one F×F kernel per channel, groups = channels) followed by a 1×1 convolution that "
                "mixes the channels. It does the work of a full convolution with about F×F times fewer multiplications "
                "(MobileNet).")),
            "softmax": (self.tr("Softmax"), self.tr(
                "Turns the last layer's scores into probabilities that add up to 1: exp(score) / sum of exp(all scores). The "
                "bars in the Images tab are its output.")),
            "topk": (self.tr("Top-1 / top-5"), self.tr(
                "Top-1: the most probable class is the right one. Top-5: the right class is among the five most probable "
                "(ImageNet's usual measure).")),
            "shortcut": (self.tr("Shortcut (identity / projection)"), self.tr(
                "A residual block adds its input to its output: F(x) + x. The identity shortcut passes x unchanged; when the "
                "size or channels change, a 1×1 convolution with stride (projection) makes x fit. The gradient flows through "
                "the +x unchanged, so very deep networks still train.")),
            "residual_block": (self.tr("Residual block"), self.tr(
                "Two or three convolutions F(x) with a shortcut around them, so the block learns only what to add to its "
                "input (ResNet). Pre-activation blocks put batch normalisation and ReLU before each convolution.")),
            "inception": (self.tr("Inception module"), self.tr(
                "Parallel branches on the same input (1×1, 3×3 and 5×5 convolutions and a pooling), their outputs "
                "concatenated along the channels; 1×1 bottlenecks in front keep the cost down (GoogLeNet).")),
            "squeeze_excitation": (self.tr("Squeeze-and-excitation"), self.tr(
                "Each channel's map is averaged to one number (squeeze), two small dense layers turn those into a weight per "
                "channel between 0 and 1 (excitation), and the maps are multiplied by them: the block learns which channels "
                "matter for this image.")),
        }

    def tooltip(self, key: str) -> str:
        name, text = self.entries()[key]
        return f"<b>{escape(name)}</b><br>{escape(text)}"


def explain(glossary: Glossary, key: str, *widgets: QWidget | None) -> None:
    """Give each widget (a control and its form label, say) the glossary entry for ``key`` as its tooltip."""
    tip = glossary.tooltip(key)
    for widget in widgets:
        if widget is not None:
            widget.setToolTip(tip)


def explain_form(glossary: Glossary, form: QFormLayout, pairs: dict[str, QWidget]) -> None:
    """``explain`` for form rows: each field and the label the form shows for it."""
    for key, field in pairs.items():
        explain(glossary, key, field, form.labelForField(field))


class GlossaryDialog(QDialog):
    """Help → Glossary: every term, in the current language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Glossary"))
        self.resize(560, 620)
        self.browser = QTextBrowser()
        glossary = Glossary(self)
        self.browser.setHtml("".join(f"<p><b>{escape(name)}</b><br>{escape(text)}</p>"
                                     for name, text in sorted(glossary.entries().values())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
