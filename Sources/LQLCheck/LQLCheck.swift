// The LQLCheck module; filled in by its stage's work.
