// The LQLRepl module; filled in by its stage's work.
