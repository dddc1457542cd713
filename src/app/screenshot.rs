//! `broadsheet --screenshot OUT.png`: wait for the page images, let the frames settle, save
//! the window and close, printing the frame times.

use super::{BroadsheetApp, median, worker};

impl BroadsheetApp {
    pub(super) fn take_screenshot_when_ready(&mut self, ctx: &egui::Context) {
        let Some(out) = self.options.screenshot.clone() else {
            return;
        };
        self.frames_drawn += 1;
        ctx.request_repaint();
        // Wait for the page images, then let a few frames settle so the timing is steady.
        // Asked for once: a flag, not a frame count, so a render that outlasts the settling
        // frames still gets its screenshot.
        let busy = self.images.as_ref().is_some_and(worker::PageImages::busy);
        if self.screenshot_taken || busy || self.frames_drawn < 30 {
            return;
        }
        self.screenshot_taken = true;
        println!(
            "median per frame over {} frames: UI {:.2} ms, whole frame (UI, tessellation, painting) {:.2} ms",
            self.frame_times.len(),
            self.median_frame_ms(),
            median(&self.full_frame_times),
        );
        let failure = self.failure.clone();
        let ctx2 = ctx.clone();
        ctx.request_screenshot(move |image| {
            let [w, h] = image.size;
            let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
            let saved = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
                .ok_or_else(|| "screenshot has the wrong size".to_owned())
                .and_then(|img| img.save(&out).map_err(|e| e.to_string()));
            if let Err(e) = saved
                && let Ok(mut f) = failure.lock()
            {
                *f = Some(format!(
                    "cannot save the screenshot to {}: {e}",
                    out.display()
                ));
            }
            ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
        });
    }
}
