/** How each mood looks in the UI. */
import type { Mood } from './messages';

export const MOOD_LOOK: Record<Mood, { emoji: string; colour: string; label: string }> = {
  angry: { emoji: '😠', colour: '#d7263d', label: 'Angry' },
  happy: { emoji: '😄', colour: '#f4a100', label: 'Happy' },
  neutral: { emoji: '😐', colour: '#6c757d', label: 'Neutral' },
  sad: { emoji: '😢', colour: '#1b6ca8', label: 'Sad' },
};
