import Foundation

/// Reading what a user hands over as a file, or as stdin when the path is `-`.
enum InputFiles {
    static func bytes(_ path: String, option: String) throws(CLIFailure) -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIFailure(.ioError, .cannotRead(path: path))
        }
        return Array(data)
    }

    static func text(_ path: String, option: String) throws(CLIFailure) -> String {
        let raw = try bytes(path, option: option)
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw CLIFailure.invalid(.notUTF8(option: option, source: path == "-" ? "stdin" : path))
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
