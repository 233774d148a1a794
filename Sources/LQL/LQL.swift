// The LQL module; filled in by its stage's work.
