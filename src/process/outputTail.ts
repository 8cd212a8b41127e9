// Keeps the last `max` characters of a stream of text, so a program that prints without end
// costs a fixed amount of memory (the first characters are what is dropped: the end of the
// output, where the error usually is, is what a learner needs).

export class OutputTail {
  private chunks: string[] = [];
  private length = 0;
  private dropped = 0;

  constructor(private readonly max: number) {}

  push(text: string): void {
    if (!text) return;
    if (text.length >= this.max) {
      this.dropped += this.length + text.length - this.max;
      this.chunks = [text.slice(text.length - this.max)];
      this.length = this.max;
      return;
    }
    this.chunks.push(text);
    this.length += text.length;
    while (this.length > this.max) {
      const first = this.chunks[0];
      const over = this.length - this.max;
      if (first.length <= over) {
        this.chunks.shift();
        this.length -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.slice(over);
        this.length -= over;
        this.dropped += over;
      }
    }
  }

  get text(): string {
    if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
    return this.chunks[0] ?? '';
  }

  /** Characters dropped from the front so far. */
  get cutChars(): number {
    return this.dropped;
  }
}
