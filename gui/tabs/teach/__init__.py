"""The Teach tab: a folder of classes, training with live curves, the results and what to do next."""
