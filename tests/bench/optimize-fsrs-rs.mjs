// optimize-fsrs-rs.mjs FILE: fsrs-rs's optimizer (npm
// @open-spaced-repetition/binding) on a log in the layout of 'trainer
// export reviews', on UTC days starting at 04:00, fitted on the items
// trainer optimize fits (all but the latest fifth, in time order).
// Prints "ITEMS FITTED SECONDS CPU_SECONDS w0,...,w20" (the fit alone:
// wall time, and the CPU time of the process, every thread).
import { readFileSync } from 'node:fs'
import { computeParameters, convertCsvToFsrsItems } from '@open-spaced-repetition/binding'

const data = readFileSync(process.argv[2])
const items = convertCsvToFsrsItems(data, 4, 'UTC', () => 0)
const split = items.length - Math.floor(items.length / 5)
const start = process.hrtime.bigint()
const cpu = process.cpuUsage()
const w = await computeParameters(items.slice(0, split), {
  enableShortTerm: true,
  numRelearningSteps: 1,
})
const s = Number(process.hrtime.bigint() - start) / 1e9
const c = process.cpuUsage(cpu)
const cs = (c.user + c.system) / 1e6
console.log(`${items.length} ${split} ${s.toFixed(3)} ${cs.toFixed(3)} ${w.join(',')}`)
