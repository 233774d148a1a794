// The LQLCommands module; filled in by its stage's work.
