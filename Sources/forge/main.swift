import ForgeCLI

Forge.main()
