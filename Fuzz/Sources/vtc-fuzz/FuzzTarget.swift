import VTCCodec
import VTCModel
import VTCStore

/// One input, read by every reader of hostile bytes `vtc` has: the event line decoders (fast and general, which
/// must agree), the whole-log verifier, and the roster and policy readers. A crash, a hang, an address error or
/// a disagreement is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    checkLineDecoders(bytes)
    _ = LogVerifier.verify(bytes: Array(bytes))
    _ = try? RosterFile.parse(bytes)
    _ = try? PolicyFile.parse(bytes)
    return 0
}

/// The fast decoder answers only for lines it fully understands, and then exactly as the general path does.
private func checkLineDecoders(_ line: UnsafeBufferPointer<UInt8>) {
    guard let fast = FastEventDecoder.decodeLine(line) else { return }
    guard let json = try? JSONParser.parse(line), let general = try? Event(json: json) else {
        fatalError("the fast decoder read a line that the general parser refuses")
    }
    guard general == fast.event, json["seq"]?.int == fast.seq else {
        fatalError("the fast decoder and the general parser read one line differently")
    }
}
