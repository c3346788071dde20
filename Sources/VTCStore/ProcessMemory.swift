import Glibc

/// How the process's memory allocator behaves with a region's large state.
public enum ProcessMemory {
    /// glibc raises its mmap threshold each time a large block is freed, after
    /// which the big temporary arrays of opening a region's log (and of the
    /// list's index) come from the heap and stay with the process when freed.
    /// A fixed threshold gives them back to the system. Call once, first thing
    /// in `main`. `mallopt` is not in Swift's Glibc module, hence the lookup.
    public static func returnLargeFreedBlocks() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        _ = mallopt(mmapThreshold, 128 * 1024)
    }
}
