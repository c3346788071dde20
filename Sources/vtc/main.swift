import Glibc
import VTCLog

ProcessMemory.returnLargeFreedBlocks()
exit(CommandRunner.run(arguments: Array(CommandLine.arguments.dropFirst())))
