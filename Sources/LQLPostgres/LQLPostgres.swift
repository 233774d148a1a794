// The LQLPostgres module; filled in by its stage's work.
