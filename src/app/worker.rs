//! Page images are rasterised off the UI thread. The canvas asks for a page at a size; until the
//! image arrives it keeps drawing the last one it had (stretched if the zoom changed), so the UI
//! never waits on glyph rasterising or photo decoding.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::layout::EditionLayout;
use crate::resources::Assets;

/// The longest side, in pixels, a whole-page image is rendered at. Beyond it the canvas asks for
/// the visible region at full resolution on top.
pub const MAX_SIDE: u32 = 4096;

/// A page rendered at a width in pixels, whole or (with `region`, `[x, y, w, h]` in points) in
/// part at the scale that width implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub page: usize,
    pub width_px: u32,
    pub region: Option<[i32; 4]>,
}

struct Job {
    key: Key,
    generation: u64,
    layout: Arc<EditionLayout>,
    /// The fonts and photos `layout` was made with.
    assets: Arc<Assets>,
}

struct Rendered {
    key: Key,
    generation: u64,
    /// None when a newer request for the same key made this one moot.
    image: Option<egui::ColorImage>,
}

struct Texture {
    generation: u64,
    handle: egui::TextureHandle,
}

/// Renders pages on a background thread and keeps their textures.
pub struct PageImages {
    jobs: Sender<Job>,
    done: Receiver<Rendered>,
    pending: HashSet<(Key, u64)>,
    textures: HashMap<Key, Texture>,
    used: HashSet<Key>,
}

impl PageImages {
    pub fn new(ctx: &egui::Context) -> Self {
        let (jobs, inbox) = channel::<Job>();
        let (outbox, done) = channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("page renderer".into())
            .spawn(move || render_loop(&inbox, &outbox, &ctx))
            .expect("a thread can be started");
        Self {
            jobs,
            done,
            pending: HashSet::new(),
            textures: HashMap::new(),
            used: HashSet::new(),
        }
    }

    /// Takes finished images; forgets textures nobody drew last frame.
    pub fn poll(&mut self, ctx: &egui::Context) {
        while let Ok(r) = self.done.try_recv() {
            self.pending.remove(&(r.key, r.generation));
            let fresher = self
                .textures
                .get(&r.key)
                .is_none_or(|t| t.generation <= r.generation);
            if let Some(image) = r.image
                && fresher
            {
                let name = format!("page {} @{}", r.key.page, r.key.width_px);
                let handle = ctx.load_texture(name, image, egui::TextureOptions::LINEAR);
                self.textures.insert(
                    r.key,
                    Texture {
                        generation: r.generation,
                        handle,
                    },
                );
            }
        }
        let used = std::mem::take(&mut self.used);
        if !used.is_empty() {
            self.textures.retain(|k, _| used.contains(k));
        }
    }

    /// The best image there is of `page` at `width_px` pixels wide (of `region` only, when
    /// given), with the key it was made for; asks for a fresh one when it is missing or stale.
    pub fn get(
        &mut self,
        page: usize,
        width_px: f32,
        region: Option<[i32; 4]>,
        generation: u64,
        source: impl FnOnce() -> (Arc<EditionLayout>, Arc<Assets>),
    ) -> Option<(egui::TextureId, Key)> {
        let width_px = width_px.round() as u32;
        let key = Key {
            page,
            width_px: if region.is_some() {
                width_px.max(1)
            } else {
                width_px.clamp(1, MAX_SIDE)
            },
            region,
        };
        self.used.insert(key);
        let fresh = self
            .textures
            .get(&key)
            .is_some_and(|t| t.generation == generation);
        if !fresh && !self.pending.contains(&(key, generation)) {
            let (layout, assets) = source();
            self.pending.insert((key, generation));
            // The thread lives as long as the app; a failed send only means shutdown.
            let _ = self.jobs.send(Job {
                key,
                generation,
                layout,
                assets,
            });
        }
        if let Some(t) = self.textures.get(&key) {
            return Some((t.handle.id(), key));
        }
        // Another image of the same page stands in meanwhile: for a whole page any size, newest
        // first; for a region, another region at the same scale (drawn where it belongs).
        let stand_in = self
            .textures
            .iter()
            .filter(|(k, _)| {
                k.page == page
                    && k.region.is_some() == region.is_some()
                    && (region.is_none() || k.width_px == key.width_px)
            })
            .max_by_key(|(k, t)| (t.generation, k.width_px))
            .map(|(k, t)| (*k, t.handle.id()));
        stand_in.map(|(k, id)| {
            self.used.insert(k);
            (id, k)
        })
    }

    /// True while images are still being made.
    pub fn busy(&self) -> bool {
        !self.pending.is_empty()
    }
}

fn render_loop(inbox: &Receiver<Job>, outbox: &Sender<Rendered>, ctx: &egui::Context) {
    let mut renderer: Option<(Arc<Assets>, crate::render::Renderer)> = None;
    while let Ok(first) = inbox.recv() {
        // Only the newest request per key matters: drop the ones a later edit made stale.
        let mut batch: Vec<Job> = vec![first];
        batch.extend(inbox.try_iter());
        let mut newest: HashMap<Key, u64> = HashMap::new();
        for j in &batch {
            let g = newest.entry(j.key).or_default();
            *g = (*g).max(j.generation);
        }
        for job in batch {
            if newest.get(&job.key) != Some(&job.generation) {
                let _ = outbox.send(Rendered {
                    key: job.key,
                    generation: job.generation,
                    image: None,
                });
                continue;
            }
            let image = job.layout.pages.get(job.key.page).map(|page| {
                // The same resources keep their glyph outlines and decoded photos.
                let reuse = renderer
                    .as_ref()
                    .is_some_and(|(a, _)| Arc::ptr_eq(a, &job.assets));
                let (_, r) = match renderer.as_mut() {
                    Some(r) if reuse => r,
                    _ => renderer.insert((
                        job.assets.clone(),
                        crate::render::Renderer::new(job.assets.clone()),
                    )),
                };
                r.set_press(job.layout.meta.press);
                let scale = job.key.width_px as f32 / page.width;
                let pixmap = match job.key.region {
                    Some([x, y, w, h]) => {
                        let longest = w.max(h).max(1) as f32;
                        let scale = scale.min(MAX_SIDE as f32 / longest);
                        r.render_region(page, scale, [x, y, w, h].map(|v| v as f32))
                    }
                    None => {
                        let longest = page.width.max(page.height);
                        r.render(page, scale.min(MAX_SIDE as f32 / longest))
                    }
                };
                egui::ColorImage::from_rgba_premultiplied(
                    [pixmap.width() as usize, pixmap.height() as usize],
                    pixmap.data(),
                )
            });
            if outbox
                .send(Rendered {
                    key: job.key,
                    generation: job.generation,
                    image,
                })
                .is_err()
            {
                return;
            }
            ctx.request_repaint();
        }
    }
}
