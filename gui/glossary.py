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
