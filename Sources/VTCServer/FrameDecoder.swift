import NIOCore
import VTCProtocol

/// Cuts the bytes of a connection into frames (`Frame`), refusing any frame
/// longer than a client may send before reading its body.
struct FrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = Frame

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard length <= ProtocolLimits.maximumRequestBytes else {
            throw ProtocolError("a frame of \(length) bytes is longer than the \(ProtocolLimits.maximumRequestBytes) a request may be")
        }
        guard buffer.readableBytes >= 4 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        let body = buffer.readBytes(length: Int(length))!
        context.fireChannelRead(wrapInboundOut(try Frame(body: body)))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
