import mongoose, { Schema } from 'mongoose';

const quietSpellPromptSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    /** When the quiet began: the last two-way contact, or the partnership's creation. One spell, one start. */
    spellStart: { type: Date, required: true },
    /** 'check-in': both sides asked; 'facilitators': the quiet continued and the facilitators were told. */
    stage: { type: String, required: true, enum: ['check-in', 'facilitators'] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Whichever instance inserts first sends the prompt; the others hit this index and send nothing.
quietSpellPromptSchema.index({ roomId: 1, spellStart: 1, stage: 1 }, { unique: true });

/** A prompt sent about one quiet spell of a partnership: claimed once across every instance. */
export const QuietSpellPromptModel = mongoose.model('QuietSpellPrompt', quietSpellPromptSchema);
