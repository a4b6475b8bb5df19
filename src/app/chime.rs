//! The gentle chime at the end of a step: two soft bell partials fading
//! over a second, played on a short-lived thread. Where there is no audio
//! device the chime is simply not heard: a timer is no place for an error
//! message, and the countdown's colour is the cue that always shows.

use std::time::Duration;

const SAMPLE_RATE: usize = 44_100;
const LENGTH: Duration = Duration::from_millis(1_400);
/// A soft A5 with its fifth above, quiet.
const PARTIALS: [(f32, f32); 2] = [(880.0, 0.16), (1_320.0, 0.06)];

/// Plays the chime once, without waiting for it.
pub fn chime() {
    std::thread::spawn(|| {
        let params = tinyaudio::OutputDeviceParameters {
            sample_rate: SAMPLE_RATE,
            channels_count: 1,
            channel_sample_count: SAMPLE_RATE / 20,
        };
        let mut sample = 0usize;
        let device = tinyaudio::run_output_device(params, move |out: &mut [f32]| {
            for value in out.iter_mut() {
                *value = chime_sample(sample);
                sample += 1;
            }
        });
        // No device (or none that opens): nothing to hear, on purpose.
        if let Ok(mut device) = device {
            std::thread::sleep(LENGTH);
            device.close();
        }
    });
}

/// Sample `n` of the chime: a soft attack, then an exponential fade.
fn chime_sample(n: usize) -> f32 {
    let t = n as f32 / SAMPLE_RATE as f32;
    let attack = (t / 0.01).min(1.0);
    let fade = (-t * 4.0).exp();
    PARTIALS
        .iter()
        .map(|(frequency, level)| level * (std::f32::consts::TAU * frequency * t).sin())
        .sum::<f32>()
        * attack
        * fade
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chime_is_quiet_and_fades_out() {
        let peak = (0..SAMPLE_RATE)
            .map(|n| chime_sample(n).abs())
            .fold(0.0, f32::max);
        assert!(peak > 0.05 && peak < 0.25, "{peak}");
        let end = SAMPLE_RATE * 14 / 10;
        assert!(chime_sample(end).abs() < 0.01);
        assert_eq!(chime_sample(0), 0.0, "no click at the start");
    }
}
