"""Training of the event-type classifier (`strife.detect.classifier`): `python -m strife.train`.

- `examples`: CASE 2021 snippets through the language layer and the rule detector, giving one
  classifier input per snippet (the event the evaluation would type, or the whole short text
  when the rules find none) with the snippet's label.
- `fit`: the TF-IDF vocabulary and the logistic regression (scikit-learn, fixed seed).
- `cv`: stratified k-fold cross-validation of the *whole pipeline's* typing with each fold's
  model, scored by `strife.eval.case2021.score`; no snippet is scored by a model that saw it.

scikit-learn is needed here only; inference reads the saved arrays with numpy.
"""
