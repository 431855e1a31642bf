"""Events stage: codebooks, trigger lexicon, modality, dates, the learned classifier and the coder."""
