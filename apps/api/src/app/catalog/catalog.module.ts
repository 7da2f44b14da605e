import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { PaymentServiceEntity } from './payment-service.entity';
import { SiteEntity } from './site.entity';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentServiceEntity, SiteEntity])],
  controllers: [CatalogController],
})
export class CatalogModule {}
