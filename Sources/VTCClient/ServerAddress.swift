import Glibc

/// Which server, if any, a `vtc` run talks to.
public enum ServerAddress {
    /// Where a deployed server listens (docs/deploy.md).
    public static let defaultSocket = "/run/vtc/vtc.sock"

    /// `--server PATH`, else `$VTC_SERVER`, else the default socket when it
    /// exists and no data folder was named (`--data`, `$VTC_DATA`); nil for
    /// embedded mode.
    public static func choose(serverOption: String?, dataOption: String?, environment: [String: String],
                              defaultSocket: String = ServerAddress.defaultSocket) -> String? {
        if let option = serverOption, !option.isEmpty { return option }
        if let named = environment["VTC_SERVER"], !named.isEmpty { return named }
        let dataNamed = !(dataOption ?? "").isEmpty || !(environment["VTC_DATA"] ?? "").isEmpty
        var info = stat()
        if !dataNamed, stat(defaultSocket, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK { return defaultSocket }
        return nil
    }
}
