import { describe, expect, it } from 'vitest';
import { scanShape } from './shape-scan';

function shapeOf(line: string): string | undefined {
  const scan = scanShape(line);
  return scan.ok ? scan.shape : undefined;
}

function expectRefused(line: string): void {
  expect(scanShape(line), JSON.stringify(line)).toEqual({ ok: false });
}

describe('scanShape: signatures', () => {
  it('follows the grammar example', () => {
    expect(scanShape('{"a":1,"b":{"c":"x","d":[1,2,null]},"e":true}')).toEqual({
      ok: true,
      shape: '{"a":i,"b":{"c":s,"d":[iz]},"e":b}',
      open: 0,
      empty: false,
    });
  });

  it('gives each scalar its kind', () => {
    expect(shapeOf('{"s":"x","i":-12,"f":1.5,"e":2e10,"E":-3E-5,"t":true,"n":false,"z":null}')).toBe(
      '{"s":s,"i":i,"f":f,"e":f,"E":f,"t":b,"n":b,"z":z}',
    );
    expect(shapeOf('{"b":0,"c":0.0,"d":-0.5e0,"e":1e+99,"f":-10}')).toBe('{"b":i,"c":f,"d":f,"e":f,"f":i}');
  });

  it('refuses a negative zero, which DuckDB reads as 0 and JSON.parse as -0', () => {
    for (const n of ['-0', '-0.0', '-0e5', '-0.000E-1']) expect(scanShape(`{"a":${n}}`)).toEqual({ ok: false });
  });

  it('lists distinct array kinds in s,i,f,b,z order', () => {
    expect(shapeOf('{"a":[null,false,1.5,2,"x",null,3]}')).toBe('{"a":[sifbz]}');
    expect(shapeOf('{"a":[],"b":["x","y"],"c":[null]}')).toBe('{"a":[],"b":[s],"c":[z]}');
    expect(shapeOf('{"a":[true,1]}')).toBe('{"a":[ib]}');
  });

  it('keeps keys verbatim, in order, duplicates included', () => {
    expect(shapeOf('{"process.name":"x","é🙂":1}')).toBeUndefined(); // the emoji is a surrogate pair: refused
    expect(shapeOf('{"process.name":"x","héllo wörld":1,"日本":2,"":3}')).toBe('{"process.name":s,"héllo wörld":i,"日本":i,"":i}');
    expect(shapeOf('{"b":1,"a":2,"b":"x"}')).toBe('{"b":i,"a":i,"b":s}');
    expect(shapeOf('{"a:{b}":1,"[x]":2}')).toBe('{"a:{b}":i,"[x]":i}');
  });

  it('handles empty and nested empty objects', () => {
    expect(scanShape('{}')).toEqual({ ok: true, shape: '{}', open: 0, empty: true });
    expect(scanShape('{"a":{},"b":{"c":{}}}')).toEqual({ ok: true, shape: '{"a":{},"b":{"c":{}}}', open: 0, empty: false });
    expect(scanShape(' \t{ \n } \r\n')).toEqual({ ok: true, shape: '{}', open: 2, empty: true });
  });

  it('accepts JSON whitespace everywhere JSON allows it, and reports where the object opens', () => {
    const spaced = ' \n\t\r{ \n"a" \t: \r1 , "b" :\n[ 1 ,\t"x" ] ,"c":{ "d" : null } , "e" : [ ] }\n\r\t ';
    expect(scanShape(spaced)).toEqual({ ok: true, shape: '{"a":i,"b":[si],"c":{"d":z},"e":[]}', open: 4, empty: false });
    expect(shapeOf(JSON.stringify({ a: { b: [1, 'x'] }, c: 2.5 }, null, 2))).toBe('{"a":{"b":[si]},"c":f}');
  });

  it('accepts string escapes in values and raw non-ASCII outside the surrogate range', () => {
    expect(shapeOf('{"a":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\uFFFF","b":"é日本\u2028"}')).toBe('{"a":s,"b":s}');
  });

  it('tells \\u escapes of surrogates from their neighbours', () => {
    for (const u of ['d7ff', 'D7FF', 'd700', 'e000', 'E000', 'ffff', 'c800', '0d80', '00d8'])
      expect(shapeOf(`{"a":"\\u${u}"}`), u).toBe('{"a":s}');
    for (const u of ['d800', 'D800', 'dbff', 'dc00', 'DFFF', 'dAbC', 'd9ee']) expectRefused(`{"a":"\\u${u}"}`);
  });

  it('accepts nesting up to 32 objects and integers up to 15 digits', () => {
    const nest = (n: number): string => '{"k":'.repeat(n - 1) + '{}' + '}'.repeat(n - 1);
    expect(scanShape(nest(32)).ok).toBe(true);
    expect(shapeOf('{"a":999999999999999,"b":-999999999999999,"c":1e99,"d":1e-99}')).toBe('{"a":i,"b":i,"c":f,"d":f}');
    expect(shapeOf('{"a":1234567890123456.5}')).toBe('{"a":f}');
  });
});

describe('scanShape: refusals', () => {
  it('refuses invalid JSON', () => {
    for (const line of ['', ' ', '{', '}', '{"a"}', '{"a":}', '{"a":1,}', '{,}', '{"a":1 "b":2}', "{'a':1}", '{a:1}', '{"a":1}}', '{"a":[1,]}', '{"a":[,1]}', '{"a":[1 2]}', '{"a":"x}', '{"a":tru}', '{"a":True}', '{"a":nul}', '{"a":undefined}', '{"a":1}{', '{"a":1}x'])
      expectRefused(line);
  });

  it('refuses a top-level value that is not an object', () => {
    for (const line of ['[]', '[{}]', '1', '"x"', 'null', 'true']) expectRefused(line);
  });

  it('refuses non-JSON whitespace around or inside the object', () => {
    for (const line of ['\ufeff{}', '\u00a0{}', '{}\u00a0', '{\u00a0}', '{"a":\u20281}', '\v{}', '{}\f', '{"a":1}\u0000'])
      expectRefused(line);
  });

  it('refuses escaped keys and control chars in keys', () => {
    for (const line of ['{"a\\"b":1}', '{"\\u0061":1}', '{"a\\nb":1}', '{"a\u0001":1}', '{"a\tb":1}']) expectRefused(line);
  });

  it('refuses bad strings: raw control chars, bad escapes, surrogates raw or escaped', () => {
    for (const line of ['{"a":"x\ny"}', '{"a":"\u0000"}', '{"a":"\u001f"}', '{"a":"\\x41"}', '{"a":"\\a"}', '{"a":"\\u12"}', '{"a":"\\u12G4"}', '{"a":"\\"}', '{"a":"\\ud800"}', '{"a":"\\uDFFF"}', '{"a":"\\ud83d\\ude00"}', '{"a":"🙂"}', '{"a":"\ud800"}', '{"a":"x\udfff"}', '{"🙂":1}'])
      expectRefused(line);
  });

  it('refuses numbers that are not strict JSON', () => {
    for (const n of ['01', '-01', '00', '1.', '.5', '-.5', '+1', '1e', '1e+', '1E-', '-', '--1', '1.e5', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', '1.5.5', '1e5e5'])
      expectRefused(`{"a":${n}}`);
  });

  it('refuses integers over 15 digits and exponents of 3 or more digits', () => {
    for (const n of ['1000000000000000', '-1234567890123456', '12345678901234567890', '1e300', '1e-400', '1E100', '1.5e-100', '1e007'])
      expectRefused(`{"a":${n}}`);
    for (const n of ['1000000000000000']) expectRefused(`{"a":[${n}]}`);
  });

  it('refuses arrays holding objects or arrays', () => {
    for (const line of ['{"a":[{}]}', '{"a":[[]]}', '{"a":[1,{"b":1}]}', '{"a":["x",[1]]}']) expectRefused(line);
  });

  it('refuses nesting deeper than 32 objects', () => {
    const nest = (n: number): string => '{"k":'.repeat(n - 1) + '{}' + '}'.repeat(n - 1);
    expectRefused(nest(33));
    expectRefused(nest(10_000));
  });

  it('never throws, on random text or huge strings', () => {
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let n = 0; n < 2000; n++) {
      const len = next() % 40;
      let text = '';
      for (let k = 0; k < len; k++) text += String.fromCharCode(next() % 0x10000);
      const scan = scanShape(text);
      expect(typeof scan.ok).toBe('boolean');
    }
    const huge = `{"a":"${'x'.repeat(5_000_000)}","b":[${'1,'.repeat(100_000)}1]}`;
    expect(shapeOf(huge)).toBe('{"a":s,"b":[i]}');
    expectRefused('['.repeat(1_000_000));
    expectRefused('{"a":'.repeat(1_000_000));
  });
});

describe('scanShape: consecutive lines', () => {
  // The scanner reuses the previous line's shape while a line repeats it; results must not depend on order.
  const lines: [string, string][] = [
    ['{"a":1,"b":"x"}', '{"a":i,"b":s}'],
    ['{"a":1,"b":"x","c":null}', '{"a":i,"b":s,"c":z}'],
    ['{"a":1,"bb":"x"}', '{"a":i,"bb":s}'],
    ['{"a":1,"b":["x"]}', '{"a":i,"b":[s]}'],
    ['{"a":1,"b":[1,"x"]}', '{"a":i,"b":[si]}'],
    ['{"a":1.5,"b":"x"}', '{"a":f,"b":s}'],
    ['{"a":{"b":"x"}}', '{"a":{"b":s}}'],
    ['{"a":{},"b":"x"}', '{"a":{},"b":s}'],
    ['{"a":1}', '{"a":i}'],
    ['{"a":1,"b":"x","b":"x"}', '{"a":i,"b":s,"b":s}'],
    ['{"":1,"b":"x"}', '{"":i,"b":s}'],
    ['{}', '{}'],
  ];

  it('gives every line its own shape whatever line came before', () => {
    for (const [before] of lines) {
      for (const [line, shape] of lines) {
        scanShape(before);
        expect(shapeOf(line), `${line} after ${before}`).toBe(shape);
      }
    }
  });

  it('gives a refused line no influence on the next', () => {
    expectRefused('{"a":1,"b":"x",');
    expect(shapeOf('{"a":1,"b":"x"}')).toBe('{"a":i,"b":s}');
    expectRefused('{"a":1,"b":"x"} x');
    expect(shapeOf('{"a":1}')).toBe('{"a":i}');
  });
});
