"""Teaching: the fine-tune loop, its data loader, distributed runs, trained bundles, run records, the diagnosis."""
