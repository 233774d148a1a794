import LQLCommands

LQLMain.runAndExit()
