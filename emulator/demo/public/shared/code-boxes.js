/**
 * One-character code boxes (the IDaaS page): a digit typed moves on to the next box, a paste
 * spreads its digits over the boxes, Backspace in an empty box goes back and clears the box
 * before it, and the arrow keys move between boxes. Non-digits never stay in a box.
 */
export function attachCodeBoxes(boxes) {
  const digitsOf = (text) => text.replace(/\D/g, '');
  const focusAt = (index) => {
    const box = boxes[Math.max(0, Math.min(index, boxes.length - 1))];
    box.focus();
    box.select();
  };
  /** Writes `digits` from box `from` on and moves to the box after the last one written. */
  const spread = (from, digits) => {
    let at = from;
    for (const digit of digits) {
      if (at >= boxes.length) break;
      boxes[at].value = digit;
      at += 1;
    }
    focusAt(at);
  };

  boxes.forEach((box, index) => {
    box.addEventListener('focus', () => box.select());
    // Several digits in one box come from autofill or an IME: spread them like a paste.
    box.addEventListener('input', () => {
      const digits = digitsOf(box.value);
      box.value = '';
      if (digits !== '') spread(index, digits);
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Backspace' && box.value === '' && index > 0) {
        event.preventDefault();
        boxes[index - 1].value = '';
        focusAt(index - 1);
      } else if (event.key === 'ArrowLeft' && index > 0) {
        event.preventDefault();
        focusAt(index - 1);
      } else if (event.key === 'ArrowRight' && index < boxes.length - 1) {
        event.preventDefault();
        focusAt(index + 1);
      }
    });
    box.addEventListener('paste', (event) => {
      event.preventDefault();
      const digits = digitsOf(event.clipboardData?.getData('text') ?? '');
      // A whole code fills from the first box wherever it was pasted; a part from here on.
      if (digits !== '') spread(digits.length >= boxes.length ? 0 : index, digits);
    });
  });

  return {
    value: () => boxes.map((box) => box.value).join(''),
    complete: () => boxes.every((box) => /^\d$/.test(box.value)),
    clear() {
      boxes.forEach((box) => (box.value = ''));
      focusAt(0);
    },
  };
}
