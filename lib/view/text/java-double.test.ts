import { describe, expect, it } from 'vitest';
import { javaDoubleText } from './java-double';

// Expected texts are what java.lang.Double.toString prints (JDK 19+), which Elasticsearch's JSON carries.
describe('javaDoubleText', () => {
  it.each([
    [1, '1.0'],
    [-0, '-0.0'],
    [0, '0.0'],
    [2.0999999046325684, '2.0999999046325684'],
    [0.001, '0.001'],
    [0.0009, '9.0E-4'],
    [1234567.5, '1234567.5'],
    [1e7, '1.0E7'],
    [-12345678.9, '-1.23456789E7'],
    [1.5e21, '1.5E21'],
    [5e-324, '4.9E-324'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
  ])('%s → %s', (value, text) => {
    expect(javaDoubleText(value)).toBe(text);
    expect(JSON.parse(text)).toBe(value);
  });
});
