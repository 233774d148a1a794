import LQLCommands

LQLMain.main()
