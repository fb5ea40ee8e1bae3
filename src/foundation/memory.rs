//! Giving memory back to the system between stages. A build frees most of what a stage
//! made (the sources once the pages are modelled, the page bodies once they are written),
//! but the C allocator keeps freed pages mapped unless asked; a stage that follows would
//! otherwise grow the process on top of them. Only glibc is asked: elsewhere this does
//! nothing.

/// Returns the allocator's free pages to the system.
pub fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: glibc's malloc_trim takes a byte count and only touches the allocator's
        // own free lists; it is safe to call from any thread at any time.
        unsafe {
            malloc_trim(0);
        }
    }
}
