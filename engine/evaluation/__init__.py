"""Judging a model on a labelled folder: the evaluation report, the data set health check, embeddings,
model comparison."""
