/**
 * Vehicle types of the game's carriers. Costs are round figures for Dutch
 * regional haulage (assumptions for the game, of the order TLN's cost
 * indicators give). CO2 is well-to-wheel, computed from fuel or energy use
 * with the emission factors of CO2emissiefactoren.nl (the Dutch list kept by
 * Milieu Centraal, Stimular and others): diesel (B7) 3.262 kg CO2 per litre,
 * electricity (grey, Dutch mix) 0.328 kg per kWh. Use per km is an assumption
 * per type, stated below.
 */
import type { CostRates } from "./solver/cost.js";

export const VEHICLE_TYPE_IDS = ["diesel-rigid", "diesel-trailer", "electric-rigid"] as const;
export type VehicleTypeId = (typeof VEHICLE_TYPE_IDS)[number];

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
    costPerKm: 0.42,
    costPerHour: 38,
    fixedCostPerDay: 110,
    // 25 l/100 km (assumption) x 3.262 kg/l.
    co2GramPerKm: Math.round(0.25 * DIESEL_KG_CO2_PER_LITRE * 1000),
  },
  "diesel-trailer": {
    id: "diesel-trailer",
    name: { nl: "Trekker met oplegger (diesel)", en: "Tractor-trailer (diesel)" },
    capacityPallets: 33,
    rangeKm: Number.POSITIVE_INFINITY,
    costPerKm: 0.55,
    costPerHour: 38,
    fixedCostPerDay: 160,
    // 32 l/100 km (assumption) x 3.262 kg/l.
    co2GramPerKm: Math.round(0.32 * DIESEL_KG_CO2_PER_LITRE * 1000),
  },
  "electric-rigid": {
    id: "electric-rigid",
    name: { nl: "Elektrische bakwagen", en: "Electric rigid truck" },
    capacityPallets: 16,
    rangeKm: 250,
    costPerKm: 0.22,
    costPerHour: 38,
    fixedCostPerDay: 170,
    // 1.1 kWh/km (assumption) x 0.328 kg/kWh.
    co2GramPerKm: Math.round(1.1 * GRID_KG_CO2_PER_KWH * 1000),
  },
};

/** A vehicle type's cost rates in the solver's units (per km, per minute of working time); see `solver/cost.ts`. */
export function costRates(v: VehicleSpec): CostRates {
  return { fixedCost: v.fixedCostPerDay, costPerDistance: v.costPerKm, costPerTime: v.costPerHour / 60 };
}
