"""Reading files into PainMap's typed objects: the one bridge from disk to the model."""
