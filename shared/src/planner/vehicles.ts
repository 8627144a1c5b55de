/**
 * Vehicle types of the game's carriers, with their costs at 2023 prices.
 *
 * Source of the cost structure: KiM (Kennisinstituut voor Mobiliteitsbeleid),
 * "Kostenkengetallen voor het goederenvervoer" (March 2023), annex 8
 * "Kostenkengetallen van het wegvervoer", compiled by Panteia for 2019-2021;
 * its figure for a tractor-trailer in container haulage in 2021, as
 * Transport & Logistiek reported it: EUR 172,775 a year, EUR 1.65 per km,
 * EUR 66.84 per hour, 44% of it personnel. That is 104,700 km and 2,585
 * hours a year, and EUR 29.41 of personnel cost per vehicle hour. Indexed by
 * Panteia's wage-cost rises for road haulage (+6.74% in 2022, evofenedex
 * 10-11-2022; +8.89% realised in 2023) that is EUR 34.18 per hour in 2023:
 * {@link DRIVER_EUR_PER_HOUR}. What is not personnel (EUR 96,750) splits
 * into the per-km rate below (fuel, tyres, maintenance: EUR 60,730 at EUR 0.58
 * per km) and the rest (depreciation, interest, tax, insurance, overheads:
 * EUR 36,020 a year over 235 days of 11 hours, EUR 153 per day), rounded to
 * the trailer's EUR 155 per day. Check: 10 hours and 300 km with the trailer
 * come to EUR 669, EUR 66.9 an hour, the order of KiM's 2021 EUR 66.84.
 *
 * Assumed (no source): diesel at EUR 1.55 a litre without VAT (2023's advice
 * prices were EUR 1.66-2.09 with VAT; a haulier reclaims VAT and has a fuel
 * card discount); tyres and maintenance EUR 0.06 per km for a rigid truck,
 * EUR 0.08 for a tractor-trailer, EUR 0.04 for an electric rigid; electricity
 * at the depot EUR 0.20 per kWh without VAT; a rigid truck's fixed costs 70%
 * of a trailer's; an electric rigid's fixed costs EUR 170 a day (a purchase
 * price about twice a diesel rigid's, less subsidy). Fuel or energy use per
 * km is an assumption per type, stated below.
 *
 * CO2 is well-to-wheel, computed from fuel or energy use with the emission
 * factors of CO2emissiefactoren.nl (the Dutch list kept by Milieu Centraal,
 * Stimular and others): diesel (B7) 3.262 kg CO2 per litre, electricity
 * (grey, Dutch mix) 0.328 kg per kWh.
 */
import type { CostRates } from "./solver/cost.js";

export const VEHICLE_TYPE_IDS = ["diesel-rigid", "diesel-trailer", "electric-rigid"] as const;
export type VehicleTypeId = (typeof VEHICLE_TYPE_IDS)[number];

/** Euro per driver hour, wage and on-costs, 2023 (KiM/Panteia 2021 indexed by wage costs; see above). */
export const DRIVER_EUR_PER_HOUR = 34;
/** Euro per litre of diesel without VAT, 2023 (an assumption; see above). */
export const DIESEL_EUR_PER_LITRE = 1.55;
/** Euro per kWh charged at the depot without VAT (an assumption). */
export const DEPOT_EUR_PER_KWH = 0.2;

/** kg CO2 per litre of diesel, well-to-wheel (CO2emissiefactoren.nl). */
export const DIESEL_KG_CO2_PER_LITRE = 3.262;
/** kg CO2 per kWh of grey electricity, well-to-wheel (CO2emissiefactoren.nl). */
export const GRID_KG_CO2_PER_KWH = 0.328;

export interface VehicleSpec {
  id: VehicleTypeId;
  name: { nl: string; en: string };
  /** Pallets (EUR) it carries. */
  capacityPallets: number;
  /** Longest day it can drive on one charge, km; Infinity for diesel. */
  rangeKm: number;
  /** Euro per km (fuel or energy, tyres, maintenance). */
  costPerKm: number;
  /** Euro per driver hour (wage and on-costs). */
  costPerHour: number;
  /** Euro per day the vehicle is used (depreciation, insurance). */
  fixedCostPerDay: number;
  /** Grams CO2 per km, well-to-wheel. */
  co2GramPerKm: number;
}

export const VEHICLES: Readonly<Record<VehicleTypeId, VehicleSpec>> = {
  "diesel-rigid": {
    id: "diesel-rigid",
    name: { nl: "Bakwagen (diesel)", en: "Rigid truck (diesel)" },
    capacityPallets: 18,
    rangeKm: Number.POSITIVE_INFINITY,
    // 25 l/100 km x EUR 1.55 + EUR 0.06 tyres and maintenance.
    costPerKm: 0.45,
    costPerHour: DRIVER_EUR_PER_HOUR,
    // 70% of the tractor-trailer's (an assumption).
    fixedCostPerDay: 110,
    // 25 l/100 km (assumption) x 3.262 kg/l.
    co2GramPerKm: Math.round(0.25 * DIESEL_KG_CO2_PER_LITRE * 1000),
  },
  "diesel-trailer": {
    id: "diesel-trailer",
    name: { nl: "Trekker met oplegger (diesel)", en: "Tractor-trailer (diesel)" },
    capacityPallets: 33,
    rangeKm: Number.POSITIVE_INFINITY,
    // 32 l/100 km x EUR 1.55 + EUR 0.08 tyres and maintenance.
    costPerKm: 0.58,
    costPerHour: DRIVER_EUR_PER_HOUR,
    // KiM/Panteia 2021: what is neither personnel nor per km, per day (see above).
    fixedCostPerDay: 155,
    // 32 l/100 km (assumption) x 3.262 kg/l.
    co2GramPerKm: Math.round(0.32 * DIESEL_KG_CO2_PER_LITRE * 1000),
  },
  "electric-rigid": {
    id: "electric-rigid",
    name: { nl: "Elektrische bakwagen", en: "Electric rigid truck" },
    capacityPallets: 16,
    rangeKm: 250,
    // 1.1 kWh/km x EUR 0.20 + EUR 0.04 tyres and maintenance.
    costPerKm: 0.26,
    costPerHour: DRIVER_EUR_PER_HOUR,
    // An assumption: about twice a diesel rigid's purchase price, less subsidy.
    fixedCostPerDay: 170,
    // 1.1 kWh/km (assumption) x 0.328 kg/kWh.
    co2GramPerKm: Math.round(1.1 * GRID_KG_CO2_PER_KWH * 1000),
  },
};

/** A vehicle type's cost rates in the solver's units (per km, per minute of working time); see `solver/cost.ts`. */
export function costRates(v: VehicleSpec): CostRates {
  return { fixedCost: v.fixedCostPerDay, costPerDistance: v.costPerKm, costPerTime: v.costPerHour / 60 };
}
