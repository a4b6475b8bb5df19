//! The muscle map as data: a posterior view of the back and hips, its
//! clickable regions in two layers, landmarks, reference text, hit testing
//! and triangulation. Shared by the screen (src/ui) and the printed sheet
//! (src/sheet). No egui here.
//!
//! Coordinates: atlas units, x to the right, y down, origin top left of
//! `Atlas::size`. Posterior view: the client's left is on the viewer's left.

// PUBLIC API CONTRACT (used by src/ui and src/sheet; keep these names):
//
//   pub struct Point { pub x: f32, pub y: f32 }            // RON: (x, y)
//   pub enum Layer { Superficial, Deep }                    // Layer::ALL, Layer::name()
//   pub struct Region {
//       pub muscle: Muscle, pub side: Side /* Left or Right only */,
//       pub layer: Layer,
//       pub outline: Vec<Point>,        // closed polygon, possibly concave
//       pub label_at: Point,            // where to draw a step number
//       pub triangles: Vec<[u32; 3]>,   // indices into outline, computed once at load
//   }
//   pub struct Landmark { pub name: String, pub points: Vec<Point>, pub closed: bool }
//   pub struct MuscleReference { pub muscle: Muscle, pub action: String,
//       pub referral: String, pub cautions: String }
//   pub struct Atlas {
//       pub size: Point,                // width, height of the drawing
//       pub body_outline: Vec<Point>,   // closed polygon of the body silhouette
//       pub landmarks: Vec<Landmark>,   // spine, 12th rib, iliac crest, sacrum, greater trochanter
//       pub regions: Vec<Region>,       // in paint order: later = on top
//       pub references: Vec<MuscleReference>,
//   }
//   impl Atlas {
//       pub fn builtin() -> &'static Atlas;                  // parsed once from assets/atlas.ron (include_str!)
//       pub fn from_ron(text: &str) -> Result<Atlas, AtlasError>;
//       pub fn hit_test(&self, layer: Layer, p: Point) -> Option<&Region>;  // top-most region of the layer
//       pub fn regions_in(&self, layer: Layer) -> impl Iterator<Item=&Region>;
//       pub fn region(&self, muscle: Muscle, side: Side, layer: Layer) -> Option<&Region>;
//       pub fn layer_of(&self, muscle: Muscle) -> Layer;     // the layer where the muscle is picked
//       pub fn reference(&self, muscle: Muscle) -> Option<&MuscleReference>;
//   }
