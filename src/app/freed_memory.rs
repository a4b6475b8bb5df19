//! Keeping freed memory for reuse between frames.
//!
//! Every frame egui tessellates the window into fresh meshes (about 1 MB at
//! 1280×800) and drops them once drawn. glibc's malloc hands blocks of that
//! size back to the kernel when they are freed (large blocks are mapped and
//! unmapped one by one, and the top of the heap is trimmed), so the next
//! frame faults the same pages in again: `perf` put a third of a frame's CPU
//! time in page faults. With the limits below the pages stay in the process
//! and are reused; the frame bench measures the difference side by side.

/// Blocks below this size come from the heap, where freed space is reused,
/// instead of being mapped for each allocation. A frame's largest mesh
/// buffer is about 0.5 MB; larger limits (16 and 32 MiB were tried) raised
/// the peak resident memory by 5 MB and these did not (VmHWM, 10,000 plans).
pub const MAP_ABOVE_BYTES: i32 = 2 << 20;

/// The heap's free top is handed back to the kernel only past this size
/// (a frame frees 1–2 MB there).
pub const TRIM_ABOVE_BYTES: i32 = 4 << 20;

/// Tells the allocator to keep freed memory for reuse (see the module
/// comment). Returns whether it was applied: only glibc's malloc has these
/// settings; elsewhere the allocator's defaults stay.
pub fn keep_freed_memory_for_reuse() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        glibc::set(libc::M_MMAP_THRESHOLD, MAP_ABOVE_BYTES)
            && glibc::set(libc::M_TRIM_THRESHOLD, TRIM_ABOVE_BYTES)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)] // one call into glibc, which has no safe wrapper
mod glibc {
    /// Sets one malloc parameter; false when glibc refuses the value.
    pub fn set(parameter: libc::c_int, value: libc::c_int) -> bool {
        // SAFETY: `mallopt` takes two integers, touches only malloc's own
        // settings (under its lock) and reports a refused value by
        // returning 0; no pointer or Rust-owned memory is involved.
        unsafe { libc::mallopt(parameter, value) == 1 }
    }
}
