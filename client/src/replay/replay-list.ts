/**
 * Puts `wanted` into `list` in that order, where `shown` is what `list` holds now (in order):
 * the elements both start with and both end with stay, only those between are taken out and
 * put in (one fragment). A replay's lists change at one end or in a stretch between two seeks
 * (the newest cards, the injects released since), so a jump touches what changed, never reads
 * the list back from the DOM, and a step that changes nothing touches nothing.
 */
export function placeInOrder(list: Element, shown: readonly HTMLElement[], wanted: readonly HTMLElement[]): void {
  let head = 0;
  while (head < shown.length && head < wanted.length && shown[head] === wanted[head]) head++;
  let tail = 0;
  while (tail < shown.length - head && tail < wanted.length - head && shown[shown.length - 1 - tail] === wanted[wanted.length - 1 - tail]) tail++;
  for (let i = head; i < shown.length - tail; i++) shown[i]!.remove();
  if (wanted.length - tail > head) {
    const middle = document.createDocumentFragment();
    for (let i = head; i < wanted.length - tail; i++) middle.append(wanted[i]!);
    list.insertBefore(middle, tail ? shown[shown.length - tail]! : null);
  }
}
