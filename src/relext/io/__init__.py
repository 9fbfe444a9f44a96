"""Reading raw input: chunking long texts (and, in the batch layer, decoding files)."""
