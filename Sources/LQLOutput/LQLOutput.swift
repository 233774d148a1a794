// The LQLOutput module; filled in by its stage's work.
