"""The Compare tab: two to four models on the same images."""
