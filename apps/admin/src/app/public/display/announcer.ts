import { DestroyRef, inject, Injectable, signal } from '@angular/core';

const MUTED_KEY = 'madoguchi.displayMuted';
/** The longest a spoken call is waited for before the next one starts (a voice that never says it ended). */
const SPEECH_MAX_MS = 10_000;

/** The two tones of the chime: a falling "ding-dong" that the room learns to look up at. */
const CHIME: readonly { frequency: number; start: number; length: number }[] = [
  { frequency: 880, start: 0, length: 0.45 },
  { frequency: 659.25, start: 0.4, length: 0.7 },
];
const CHIME_MS = 1_150;

/**
 * Says the calls aloud: a chime from Web Audio, then the words through the Web Speech API, one call after the
 * other. Browsers let a page make sound only after someone has touched it, so sound starts with `enable()`; the mute
 * switch is remembered by the browser of the TV.
 */
@Injectable()
export class Announcer {
  private readonly muted_ = signal(readMuted());
  private readonly enabled_ = signal(false);
  private audio: AudioContext | null = null;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  readonly muted = this.muted_.asReadonly();
  /**
   * Sound may play: someone pressed "enable" on this page. Even where audio could start by itself, speech waits for
   * the page to have been touched, so the button is asked for on every start of the page.
   */
  readonly enabled = this.enabled_.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.stopped = true;
      globalThis.speechSynthesis?.cancel();
      void this.audio?.close();
    });
  }

  /** From a click: opens the audio context, which browsers allow only in answer to a gesture. */
  enable(): void {
    try {
      this.audio ??= new AudioContext();
      if (this.audio.state !== 'running') void this.audio.resume();
    } catch {
      // No Web Audio: the calls are still spoken, only without the chime.
    }
    this.enabled_.set(true);
  }

  setMuted(muted: boolean): void {
    this.muted_.set(muted);
    if (muted) globalThis.speechSynthesis?.cancel();
    try {
      localStorage.setItem(MUTED_KEY, muted ? '1' : '0');
    } catch {
      // Storage can be disabled; the switch then holds until the page is reloaded.
    }
  }

  /** Queues a call: chime, then `text` spoken in `lang`; nothing while muted or before sound is enabled. */
  announce(text: string, lang: string): void {
    if (this.muted_() || !this.enabled_()) return;
    this.chain = this.chain.then(async () => {
      if (this.stopped || this.muted_()) return;
      await this.chime();
      if (this.stopped || this.muted_()) return;
      await speak(text, lang);
    });
  }

  private chime(): Promise<void> {
    const audio = this.audio;
    if (audio && audio.state === 'running') {
      const now = audio.currentTime;
      for (const tone of CHIME) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = tone.frequency;
        // A soft attack and an exponential fade: a bell, not a beep.
        gain.gain.setValueAtTime(0.0001, now + tone.start);
        gain.gain.exponentialRampToValueAtTime(0.4, now + tone.start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + tone.start + tone.length);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(now + tone.start);
        oscillator.stop(now + tone.start + tone.length + 0.05);
      }
    }
    return new Promise((done) => setTimeout(done, CHIME_MS));
  }
}

/** Speaks with a voice of the language when the system has one; resolves when done (or after a bound). */
function speak(text: string, lang: string): Promise<void> {
  const synthesis = globalThis.speechSynthesis;
  if (!synthesis || typeof SpeechSynthesisUtterance === 'undefined') return Promise.resolve();
  return new Promise((done) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = 0.9;
    const voice = synthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith(lang.slice(0, 2)));
    if (voice) utterance.voice = voice;
    const timer = setTimeout(done, SPEECH_MAX_MS);
    const finish = () => {
      clearTimeout(timer);
      done();
    };
    utterance.onend = finish;
    utterance.onerror = finish;
    synthesis.speak(utterance);
  });
}

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}
