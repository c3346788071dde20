import Glibc
import VTCStore

ProcessMemory.returnLargeFreedBlocks()
exit(CommandRunner.run(arguments: Array(CommandLine.arguments.dropFirst())))
