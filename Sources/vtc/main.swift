import Glibc

exit(CommandRunner.run(arguments: Array(CommandLine.arguments.dropFirst())))
