import { addReason, moveReason, removeReason } from '../../src/sidebar/reasonsList';

const list = ['illness', 'transport', 'other'];

it('adds a trimmed reason once', () => {
  expect(addReason(list, '  school   run ')).toEqual([...list, 'school run']);
  expect(addReason(list, 'Illness')).toEqual(list);
  expect(addReason(list, '   ')).toEqual(list);
});

it('removes and moves within bounds, never in place', () => {
  expect(removeReason(list, 1)).toEqual(['illness', 'other']);
  expect(moveReason(list, 2, -1)).toEqual(['illness', 'other', 'transport']);
  expect(moveReason(list, 0, 1)).toEqual(['transport', 'illness', 'other']);
  expect(moveReason(list, 0, -1)).toEqual(list);
  expect(moveReason(list, 2, 1)).toEqual(list);
  expect(list).toEqual(['illness', 'transport', 'other']);
});
